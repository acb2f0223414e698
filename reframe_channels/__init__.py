"""Rasa input channels of our own: socket.io for the web chat (more to come for messaging apps)."""
