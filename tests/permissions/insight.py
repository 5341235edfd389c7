"""Insight URLs: aggregate dashboards for analysts and unit leads, Kela upload for analysts,
the personal financing watchlist for coaches and unit leads."""

from . import only

INSIGHT = {"analyst", "unit_lead"}

EXPECTED = {
    "insight:overview": only(INSIGHT),
    "insight:municipality": only(INSIGHT),
    "insight:effectiveness": only(INSIGHT),
    "insight:financing": only(INSIGHT),
    "insight:kela_upload": only({"analyst"}),
    "insight:watchlist": only({"coach", "unit_lead"}),
    "insight:model_card": only(INSIGHT),
    "insight:definitions": only(INSIGHT),
    "insight:export": only(INSIGHT),
}


def url_kwargs(name, world, objects):
    if name == "insight:export":
        return {"table": "trend", "fmt": "csv"}
    return None
