"""Fill the insight tables of a freshly generated demo: figures, service effects, Kela's file.

The synthetic Kela file (``analytics.synthetic_kela``) keys people as ``P<record key>``; here
each key becomes the person's id in this database — the key Kela would receive from the
platform — and the file goes through the same all-or-nothing import as an uploaded one.
Former recipients (``F…`` keys) stay unlinked, as people Kela paid who left the register.
"""

from __future__ import annotations

from saumaton.analytics.kela import to_csv
from saumaton.analytics.synthetic_kela import kela_rows
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import AreaMunicipality, EmploymentArea

from .effectiveness import refresh_impacts
from .financing import import_kela
from .refresh import RefreshReport, refresh

KELA_MONTHS = 6


def load(population, progress=None) -> tuple[RefreshReport, int, int]:
    """Refresh the figures and import the synthetic Kela file of every demo area."""
    report = refresh(population.today, progress=progress)
    impacts = refresh_impacts(population.today)
    rows = kela_rows(population, months=KELA_MONTHS)
    by_hetu = dict(Person.objects.values_list("hetu", "pk"))
    key_of = {f"P{r.key:07d}": str(by_hetu[r.hetu]) for r in population.people}
    rows["person_key"] = rows["person_key"].map(lambda k: key_of.get(k, k))
    imported = 0
    for area in EmploymentArea.objects.all():
        members = set(
            AreaMunicipality.objects.filter(area=area).values_list("municipality_id", flat=True)
        )
        mine = rows[rows["municipality_code"].isin(members)]
        if not mine.empty:
            imported += import_kela(to_csv(mine), "synthetic-kela.csv", area, None).rows
    return report, impacts, imported
