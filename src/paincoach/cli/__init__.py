"""The command line: argument parsing, terminal output and one module per group of commands."""
