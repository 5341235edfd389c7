"""``saumaton match``: match JSONL files of jobseekers and vacancies, or export demo data.

    saumaton match --jobseekers J.jsonl --vacancies V.jsonl \\
        --direction vacancies-for-jobseekers|jobseekers-for-vacancies [--k 10] [--out FILE]
        [--year YYYY] [--workers N]
    saumaton match demo-data [--size small|city|national] [--seed N] [--today YYYY-MM-DD]
        [--scale X] --out-dir DIR

``main`` receives the arguments after ``match``. Every input line is validated before anything
is matched; any invalid record is reported as ``FILE:LINE: field: problem`` and the command
exits with 2 without writing output. Output goes to a temporary file renamed into place only
when complete, so a failed run never leaves a partial file.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from saumaton.matching.batch import vacancies_for_all
from saumaton.matching.index import Match, MatchIndex
from saumaton.matching.records import JobseekerProfile, RecordError, Vacancy

DIRECTIONS = ("vacancies-for-jobseekers", "jobseekers-for-vacancies")
MAX_REPORTED_PROBLEMS = 100
EXIT_INVALID = 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise UsageError(f"{self.format_usage()}{self.prog}: error: {message}")


def _match_parser() -> _Parser:
    parser = _Parser(prog="saumaton match", description="Top-k matching of JSONL records.")
    parser.add_argument("--jobseekers", required=True, type=Path)
    parser.add_argument("--vacancies", required=True, type=Path)
    parser.add_argument("--direction", required=True, choices=DIRECTIONS)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--year", type=int, help="year for the recency of experience")
    parser.add_argument("--workers", type=int, default=1)
    return parser


def _demo_parser() -> _Parser:
    parser = _Parser(prog="saumaton match demo-data", description="Synthetic JSONL to try.")
    parser.add_argument("--size", default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out-dir", required=True, type=Path)
    return parser


def main(argv: list[str], stdin: IO[str], stdout: IO[str], stderr: IO[str]) -> int:
    try:
        if argv[:1] == ["demo-data"]:
            return _demo_data(_demo_parser().parse_args(argv[1:]), stdout)
        return _match(_match_parser().parse_args(argv), stdout, stderr)
    except UsageError as error:
        stderr.write(f"{error}\n")
        return EXIT_INVALID


def read_jsonl(path: Path, parse: Callable[[Any], Any], problems: list[str]) -> list:
    """Parse every line of ``path``; append ``FILE:LINE: problem`` texts to ``problems``."""
    records, seen = [], set()
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        problems.append(f"{path}: cannot read: {error.strerror}")
        return records
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = parse(json.loads(line))
            except json.JSONDecodeError as error:
                problems.append(f"{path}:{number}: invalid JSON: {error.msg}")
                continue
            except RecordError as error:
                problems += [f"{path}:{number}: {p}" for p in error.problems]
                continue
            if record.id in seen:
                problems.append(f"{path}:{number}: id: duplicate id {record.id!r}")
                continue
            seen.add(record.id)
            records.append(record)
    return records


def _match(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    if args.k < 1:
        raise UsageError("saumaton match: error: --k must be at least 1")
    problems: list[str] = []
    profiles = read_jsonl(args.jobseekers, JobseekerProfile.from_json, problems)
    vacancies = read_jsonl(args.vacancies, Vacancy.from_json, problems)
    if problems:
        for problem in problems[:MAX_REPORTED_PROBLEMS]:
            stderr.write(f"{problem}\n")
        if len(problems) > MAX_REPORTED_PROBLEMS:
            stderr.write(f"… and {len(problems) - MAX_REPORTED_PROBLEMS} more problems\n")
        stderr.write("nothing written\n")
        return EXIT_INVALID
    index = MatchIndex(profiles, vacancies, current_year=args.year)
    lines = _result_lines(index, args.direction, args.k, args.workers)
    if args.out is None:
        for line in lines:
            stdout.write(line)
    else:
        _write_atomically(args.out, lines)
    return 0


def _result_lines(index: MatchIndex, direction: str, k: int, workers: int) -> Iterator[str]:
    if direction == "jobseekers-for-vacancies":
        for vacancy_id in index.vacancies.ids:
            yield _line(vacancy_id, index.jobseekers_for(vacancy_id, k))
        return
    result = vacancies_for_all(index, k, workers=workers)
    for profile_id, found in result.matches(index):
        matches = [Match(vid, score, tuple(index.explain(profile_id, vid))) for vid, score in found]
        yield _line(profile_id, matches)


def _line(query_id: Any, matches: list[Match]) -> str:
    payload = {"id": query_id, "matches": [m.to_json() for m in matches]}
    return json.dumps(payload, ensure_ascii=False) + "\n"


def _write_atomically(path: Path, lines: Iterator[str]) -> None:
    directory = path.resolve().parent
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
        "w", encoding="utf-8", dir=directory, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            handle.writelines(lines)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def _demo_data(args: argparse.Namespace, stdout: IO[str]) -> int:
    from saumaton.synth.generator import SIZES, generate
    from saumaton.synth.matching_data import build_matching_data

    if args.size not in SIZES:
        raise UsageError(f"saumaton match demo-data: error: --size must be one of {SIZES}")
    population = generate(args.size, args.seed, args.today, scale=args.scale)
    data = build_matching_data(population)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, records in (("jobseekers", data.profiles), ("vacancies", data.vacancies)):
        path = args.out_dir / f"{name}.jsonl"
        _write_atomically(
            path, (json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)
        )
        stdout.write(f"{path}: {len(records)} records\n")
    return 0
