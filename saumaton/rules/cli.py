"""``saumaton rules eval [FILE]``: answer JSON questions from a file or stdin.

Why a separate entry point: the console script, the API and the UI share
:func:`saumaton.rules.questions.answer`; this module only reads, writes and sets the exit code
(2 when any question failed), and never shows a traceback.
"""

from __future__ import annotations

import json
from typing import TextIO

from saumaton.rules.questions import answer, error

USAGE = """usage: saumaton rules eval [FILE]

Reads one JSON question object, or an array of them, from FILE or stdin and writes one JSON
answer per question, in order (an array for an array, an object for an object).
Exit status: 0 when every question was answered, 2 when any failed.
See docs/rules-cli.md for every question and its fields.
"""


def _read(argv: list[str], stdin: TextIO) -> str:
    if len(argv) < 2 or argv[1] == "-":
        return stdin.read()
    with open(argv[1], encoding="utf-8") as handle:
        return handle.read()


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``eval [FILE]``; ``argv`` starts with the subcommand (``["eval", "q.json"]``)."""
    if not argv or argv[0] in ("-h", "--help", "help"):
        (stdout if argv else stderr).write(USAGE)
        return 0 if argv else 2
    if argv[0] != "eval" or len(argv) > 2:
        stderr.write(USAGE)
        return 2
    try:
        text = _read(argv, stdin)
    except OSError as exc:
        result: object = error(f"cannot read input: {exc.strerror or exc}", None)
        ok = False
    else:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            result = error(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", None)
            ok = False
        else:
            if isinstance(document, list):
                result = [answer(q) for q in document]
                ok = all("error" not in a for a in result)
            elif isinstance(document, dict):
                result = answer(document)
                ok = "error" not in result
            else:
                result = error("input must be a JSON object or an array of objects", None)
                ok = False
    json.dump(result, stdout, ensure_ascii=False, indent=2)
    stdout.write("\n")
    if not ok:
        stderr.write("some questions could not be answered (see their error and field)\n")
    return 0 if ok else 2
