"""Data in and out: export, import, backups and restore, and the one writer of report files."""
