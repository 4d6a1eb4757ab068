"""Entry point: ``offerlens`` (the desktop app) and ``offerlens <command>`` (the CLI).

Kept light: nothing heavy is imported until a command or the GUI needs it. A command line that
holds only the GUI's own flags (``--data-dir``, ``--lang``, ``--smoke-exit``) starts the app
without importing argparse and the CLI; anything else (a command, ``--help``, an abbreviation,
a bad value) goes through the CLI's parser, which also gives the errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

LANGS = ("en", "zh")  # the CLI's --lang choices


def gui_args(argv: list[str]) -> SimpleNamespace | None:
    """The GUI flags of ``argv`` as argparse would give them, or None to let argparse decide."""
    values: dict = {"command": None, "data_dir": None, "smoke_exit": False, "lang": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--smoke-exit":
            values["smoke_exit"] = True
        else:
            name, eq, value = arg.partition("=")
            if name not in ("--data-dir", "--lang"):
                return None
            if not eq:
                if i + 1 >= len(argv):
                    return None
                i += 1
                value = argv[i]
            if not value or value.startswith("-"):
                return None
            if name == "--lang":
                if value not in LANGS:
                    return None
                values["lang"] = value
            else:
                values["data_dir"] = Path(value)
        i += 1
    return SimpleNamespace(**values)


def main(argv: list[str] | None = None) -> int:
    args = gui_args(sys.argv[1:] if argv is None else list(argv))
    if args is None:
        from offerlens.cli import build_parser

        args = build_parser().parse_args(argv)
    if args.command is None:
        from offerlens.ui.launch import launch

        return launch(args)
    from offerlens.cli import run_command

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
