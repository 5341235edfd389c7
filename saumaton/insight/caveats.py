"""The impact estimator's caveats in the reader's language.

``saumaton.analytics.impact`` words each caveat in English with its figures; the pages show a
translated sentence chosen by the caveat's stable code, followed by the figure-bearing English
original for analysts (pure code does not translate).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CAVEATS = {
    "measured_confounders_only": _(
        "Assumes that among people alike in the recorded facts, taking part was as good as "
        "random; motivation, health or the coach's judgement can still bias it."
    ),
    "effect_on_participants": _(
        "The effect is for the kind of people who took part, not for everyone."
    ),
    "comparison_not_yet_treated": _(
        "The comparison people had not taken part yet; some took other services."
    ),
    "poor_overlap": _("Some participants have no comparable non-participant."),
    "few_effective_comparisons": _("After weighting, the comparison group is small."),
    "imbalance_remains": _("Some recorded facts still differ between the groups."),
    "small_sample": _("Few participants: the interval is wide."),
    "unmatched_participants": _("Some participants had no close match."),
    "methods_disagree": _("Weighting and matching disagree; treat both with caution."),
    "bootstrap_for_matching": _("The matching interval is only approximate."),
}


def caveat_text(caveat: dict) -> dict:
    return {
        "code": caveat["code"],
        "text": CAVEATS.get(caveat["code"], caveat["text"]),
        "detail": caveat["text"],
    }
