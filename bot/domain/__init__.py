"""Feature logic in plain Python over SQLite; nothing here imports botbuilder."""
