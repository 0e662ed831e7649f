"""Unit tests of paincoach.db."""
