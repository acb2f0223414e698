"""Rasa NLU pipeline components of Reframe (loaded by the Rasa server, not the action server)."""
