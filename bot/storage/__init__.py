"""The storage seam: one small database interface, its SQLite backend and numbered SQL migrations."""
