"""The ``saumaton`` console script: one entry point for the product's commands.

``saumaton demo`` prepares and serves the embedded demo; ``saumaton rules eval`` answers rule
questions without Django; everything else is a Django management command
(``saumaton migrate``, ``saumaton loadreference``, ``saumaton runserver`` …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["rules"]:
        from saumaton.rules.cli import main as rules_main

        return rules_main(argv[1:], sys.stdin, sys.stdout, sys.stderr)
    if argv[:1] == ["demo"]:
        # The demo runs on its own generated secret and the embedded SQLite default.
        os.environ.setdefault("SAUMATON_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["saumaton", *argv])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
