"""The Textual app driven with Pilot: screens and key flows."""
