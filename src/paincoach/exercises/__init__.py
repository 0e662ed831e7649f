"""Exercise content and the engine that runs it: pure Python, no UI, no database.

Public entry points:
- `loader.load_library(home)`: bundled + user exercises, with warnings as data;
- `loader.check_paths(paths)`: every problem in the given files (`paincoach exercises check`);
- `loader.list_exercises(home)`: rows for `paincoach exercises list`;
- `engine.Runner`: one step at a time, producing a `SessionResult`;
- `timing`: clock-driven countdown, breathing pacer and work/rest timer;
- `pacing`: baseline and quota maths.
"""
