"""Command-line commands, one module per group; each exposes `run(args, home)`."""
