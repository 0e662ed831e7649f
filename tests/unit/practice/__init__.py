"""Unit tests of paincoach.practice."""
