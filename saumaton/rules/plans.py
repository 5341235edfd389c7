"""When an employment plan's follow-up is due (*työllistymissuunnitelman seuranta*).

Why a rule of its own: the plan states the method and the deadline by which the jobseeker
reports how it was carried out (380/2023 §38), and the authority monitors that it is carried
out (380/2023 §40); the plan is reviewed at the job-search conversations (380/2023 §§32, 35).
The seam guard (``casework.sweep``: ``plan_review_due`` items) and the insight metric
"plans up to date" must agree on the day a review falls due, so the rule is stated once here.
In force since 2025-01-01 (the plan content as amended by 728/2024).
"""

from __future__ import annotations

from datetime import date

BASIS_PLAN_FOLLOW_UP = "380/2023 §38 (728/2024), §40; §§32, 35"


def plan_review_due(follow_up_deadline: date | None, on: date) -> bool:
    """True when the plan's follow-up deadline has come (on or before ``on``).

    A plan without a deadline is not due: the follow-up then happens at the next job-search
    conversation, which the meeting rules (``rules.process``) track on their own.
    """
    return follow_up_deadline is not None and follow_up_deadline <= on
