"""`python -m paincoach` and the `paincoach` command."""

from __future__ import annotations

import sys

from paincoach.core import startup


def main() -> None:
    """Entry point: run the command line and exit with its status."""
    startup.pause()  # no collector passes over the libraries while they load
    from paincoach.cli.main import main as cli_main

    status = cli_main()
    startup.resume()  # frozen: exit does not walk every object once more
    sys.exit(status)


if __name__ == "__main__":
    main()
