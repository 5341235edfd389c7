"""The ``saumaton`` console script: one entry point for the product's commands.

``saumaton demo`` prepares and serves the embedded demo; ``saumaton rules …``, ``saumaton match …``
and ``saumaton analytics …`` run the pure core without Django; everything else is a Django
management command
(``saumaton migrate``, ``saumaton loadreference``, ``saumaton runserver`` …).
"""

from __future__ import annotations

import importlib
import os
import sys

PURE_COMMANDS = {
    "rules": "saumaton.rules.cli",
    "match": "saumaton.matching.cli",
    "analytics": "saumaton.analytics.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] and argv[0] in PURE_COMMANDS:
        # The pure core answers without Django: no settings, no database.
        module = importlib.import_module(PURE_COMMANDS[argv[0]])
        return module.main(argv[1:], sys.stdin, sys.stdout, sys.stderr)
    if argv[:1] == ["demo"]:
        # The demo runs on its own generated secret and the embedded SQLite default.
        os.environ.setdefault("SAUMATON_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["saumaton", *argv])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
