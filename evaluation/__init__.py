"""Held-out evaluation: reframe quality checks and the keyword-rule baseline."""
