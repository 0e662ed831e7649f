"""Unit tests, one folder per package of src/paincoach (no terminal, no app)."""
