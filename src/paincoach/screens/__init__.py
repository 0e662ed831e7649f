"""Screens: they present plain records and dispatch to services, nothing more."""
