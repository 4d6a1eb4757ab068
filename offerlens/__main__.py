"""Entry point: ``offerlens`` (the desktop app) and ``offerlens <command>`` (the CLI).

Kept light: nothing heavy is imported until a command or the GUI needs it.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from offerlens.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is None:
        from offerlens.ui.launch import launch

        return launch(args)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
