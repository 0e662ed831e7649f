"""Unit tests of paincoach.report."""
