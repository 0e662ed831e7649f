"""Unit tests of paincoach.settings."""
