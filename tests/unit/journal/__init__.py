"""Unit tests of paincoach.journal."""
