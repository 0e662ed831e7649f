"""Looking back: the week's figures, changes and insights.

Also boom-bust episodes, pacing-plan progress and the weekly check.
"""
