"""`python -m paincoach` and the `paincoach` command."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point: run the command line and exit with its status."""
    from paincoach.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
