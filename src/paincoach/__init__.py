"""paincoach: a terminal coping journal for people who live with chronic pain."""

__version__ = "0.1.0"
