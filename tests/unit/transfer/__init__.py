"""Unit tests of paincoach.transfer."""
