"""The plain, frozen dataclasses that cross every boundary (entries, practice, review)."""
