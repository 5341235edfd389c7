"""``saumaton analytics impact …`` and ``impact-demo-data …`` for analysts' own extracts.

Why a CLI: analysts hold person-level extracts that never enter the platform; they need the
same estimator, diagnostics and caveats as the service-effectiveness view. ``main`` only reads,
writes and sets the exit code (0 ok, 2 bad input); the work is in ``impact`` and ``synthetic``.

The person-level CSV (docs/analytics.md): a header line, one row per person; the treatment
column holds 0/1; the outcome column numbers (0/1 for "employed 6 months later"); covariate
columns numbers or category labels. Every cell used must be filled. Without ``--covariates``
the registration-time columns of :data:`saumaton.analytics.synthetic.REGISTRATION_COVARIATES`
that the file has are used.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

import pandas as pd

from saumaton.analytics.csvio import CsvImportError, LineError, read_csv
from saumaton.analytics.impact import ImpactReport, estimate_impact
from saumaton.analytics.synthetic import REGISTRATION_COVARIATES, registration_cohort


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` keeps control of the streams."""

    def error(self, message: str):
        raise ValueError(message)


def _parser() -> _Parser:
    parser = _Parser(prog="saumaton analytics", add_help=False)
    sub = parser.add_subparsers(dest="command", required=True)
    impact = sub.add_parser("impact", add_help=False)
    impact.add_argument("--input", required=True)
    impact.add_argument("--treatment", required=True)
    impact.add_argument("--outcome", required=True)
    impact.add_argument("--covariates")
    impact.add_argument("--bootstrap", type=int, default=200)
    impact.add_argument("--seed", type=int, default=0)
    impact.add_argument("--json", action="store_true")
    demo = sub.add_parser("impact-demo-data", add_help=False)
    demo.add_argument("--out", required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--size", type=int, default=20_000)
    return parser


USAGE = """usage: saumaton analytics impact --input FILE.csv --treatment COLUMN --outcome COLUMN
                                 [--covariates a,b,c] [--bootstrap N] [--seed N] [--json]
       saumaton analytics impact-demo-data --out FILE.csv [--seed N] [--size N]

impact: the effect of a 0/1 treatment column on an outcome column for those treated,
  by inverse-probability weighting and nearest-neighbour matching, with bootstrap 95 %
  intervals, overlap and balance diagnostics and caveats (docs/analytics.md).
impact-demo-data: write a synthetic person-level file with planted effects to try it on.
Exit status: 0 on success, 2 on bad arguments or input (errors by line and column).
"""


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run a subcommand; ``argv`` starts with it (``["impact", "--input", "x.csv", …]``)."""
    if not argv or argv[0] in ("-h", "--help", "help"):
        (stdout if argv else stderr).write(USAGE)
        return 0 if argv else 2
    try:
        args = _parser().parse_args(argv)
    except ValueError as exc:
        stderr.write(f"error: {exc}\n{USAGE}")
        return 2
    if args.command == "impact-demo-data":
        return _demo(args, stdout, stderr)
    return _impact(args, stdout, stderr)


def _demo(args, stdout: TextIO, stderr: TextIO) -> int:
    if args.size < 100:
        stderr.write("error: --size must be at least 100\n")
        return 2
    cohort = registration_cohort(args.size, args.seed)
    try:
        cohort.to_csv(args.out, index=False)
    except OSError as exc:
        stderr.write(f"error: cannot write {args.out}: {exc.strerror or exc}\n")
        return 2
    stdout.write(
        f"wrote {len(cohort)} synthetic people to {args.out}; try:\n"
        f"  saumaton analytics impact --input {args.out} --treatment service_wage_subsidy "
        "--outcome employed_6m\n"
        "(compare with the planted_effect column; rows of other services are comparisons "
        "too unless you filter them out)\n"
    )
    return 0


def _impact(args, stdout: TextIO, stderr: TextIO) -> int:
    try:
        with open(args.input, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        stderr.write(f"error: cannot read {args.input}: {exc}\n")
        return 2
    try:
        frame, covariates = load_person_csv(text, args.treatment, args.outcome, args.covariates)
        report = estimate_impact(
            frame,
            args.treatment,
            args.outcome,
            covariates,
            n_bootstrap=args.bootstrap,
            seed=args.seed,
        )
    except CsvImportError as exc:
        for error in exc.errors:
            stderr.write(f"{args.input}: {error}\n")
        return 2
    except ValueError as exc:
        stderr.write(f"error: {exc}\n")
        return 2
    if args.json:
        json.dump(report.to_dict(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        stdout.write(render(report))
    return 0


def load_person_csv(
    text: str, treatment: str, outcome: str, covariates: str | None
) -> tuple[pd.DataFrame, list[str]]:
    """The columns needed from a person-level CSV, all-or-nothing with line-level errors."""
    table = read_csv(text, [treatment, outcome], optional=None)
    if covariates:
        chosen = [c.strip() for c in covariates.split(",") if c.strip()]
    else:
        chosen = [c for c in REGISTRATION_COVARIATES if c in table.header]
    errors = list(table.errors)
    missing = [c for c in chosen if c not in table.header]
    errors += [LineError(1, c, "covariate column is missing") for c in missing]
    if not chosen:
        errors.append(LineError(1, None, "no covariates: name them with --covariates"))
    if {treatment, outcome} & set(chosen):
        errors.append(LineError(1, None, "treatment and outcome cannot be covariates"))
    if errors:
        raise CsvImportError(errors)
    columns = [treatment, outcome, *chosen]
    records = []
    for line, row in table.rows:
        values, row_errors = _person_row(line, row, treatment, outcome, chosen)
        errors += row_errors
        records.append(values)
    if errors:
        raise CsvImportError(errors)
    frame = pd.DataFrame(records, columns=columns)
    for column in chosen:
        numeric = pd.to_numeric(frame[column], errors="coerce")
        if numeric.notna().all():
            frame[column] = numeric
    return frame, chosen


def _person_row(line, row, treatment, outcome, covariates):
    errors = []
    values = []
    if row[treatment] not in ("0", "1"):
        errors.append(
            LineError(line, treatment, f"treatment must be 0 or 1, not {row[treatment]!r}")
        )
    values.append(int(row[treatment] == "1"))
    try:
        values.append(float(row[outcome]))
    except ValueError:
        errors.append(LineError(line, outcome, f"outcome must be a number, not {row[outcome]!r}"))
        values.append(None)
    for column in covariates:
        if row[column] == "":
            errors.append(LineError(line, column, "empty value"))
        values.append(row[column])
    return values, errors


def render(report: ImpactReport) -> str:
    """The report as text for a terminal."""

    def fmt(value: float) -> str:  # a 0/1 outcome reads best in percentage points
        return f"{value * 100:+.1f} pp" if report.outcome_is_binary else f"{value:+.3f}"

    lines = [
        f"Effect of {report.treatment} on {report.outcome} for those who took part (ATT)",
        f"  people: {report.n_treated} treated, {report.n_comparison} comparison",
    ]
    for label, estimate in (
        ("naive difference", report.naive),
        ("inverse-probability weighting", report.ipw),
        ("nearest-neighbour matching", report.matching),
    ):
        lines.append(
            f"  {label:<30} {fmt(estimate.effect):>9}   "
            f"95 % CI {fmt(estimate.ci_low)} … {fmt(estimate.ci_high)}"
        )
    o = report.overlap
    lines += [
        "Overlap:",
        f"  propensity, treated {o.treated_range[0]:.3f}–{o.treated_range[1]:.3f}; "
        f"comparison {o.comparison_range[0]:.3f}–{o.comparison_range[1]:.3f}",
        f"  treated outside the comparison range: {o.treated_outside_share:.1%}; "
        f"effective comparison sample {o.effective_comparison_size:.0f} of {o.comparison_size}; "
        f"clipped scores {o.clipped_scores}; unmatched treated {o.unmatched_treated}",
        "Balance (standardised mean difference: before → weighting → matching):",
    ]
    for b in report.balance:
        lines.append(
            f"  {b.covariate:<40} {b.before:+.3f} → {b.after_ipw:+.3f} → {b.after_matching:+.3f}"
        )
    lines.append("Caveats:")
    lines += [f"  - {c.text}" for c in report.caveats]
    return "\n".join(lines) + "\n"
