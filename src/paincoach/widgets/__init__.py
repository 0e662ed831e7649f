"""Reusable widgets: they present values and post messages, and never touch storage."""
