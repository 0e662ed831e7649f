"""Storage: the SQLite journal file, its schema and its queries (no UI code here)."""
