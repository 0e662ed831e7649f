"""Unit tests of paincoach.core."""
