"""Unit tests of paincoach.records."""
