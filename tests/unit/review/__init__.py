"""Unit tests of paincoach.review."""
