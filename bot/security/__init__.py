"""Checking who is calling: the Bot Framework's tokens, validated without ever blocking the event loop."""
