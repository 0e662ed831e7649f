"""Foundations every layer may use.

Errors, the clock, moments and weeks, paths and private files, bundled content, safe text.
"""
