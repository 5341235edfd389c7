"""Fill the insight tables of a freshly generated demo: figures, service effects, Kela's file
and a profiling run, so the model card shows a real audit.

The synthetic Kela file (``analytics.synthetic_kela``) keys people as ``P<record key>``; here
each key becomes the person's id in this database — the key Kela would receive from the
platform — and the file goes through the same all-or-nothing import as an uploaded one.
Former recipients (``F…`` keys) stay unlinked, as people Kela paid who left the register.

The profiling model is trained on a smaller synthetic cohort (:data:`PROFILING_ROWS`) than the
command's default: the demo database's own cohort has no signal (docs/insight.md), and the
default size would add ≈ 10 s more to every demo. At default tolerances the gate refuses the
demo's model for the foreign-language disparity the audit exists to show; the card says so.
"""

from __future__ import annotations

from saumaton.analytics.kela import to_csv
from saumaton.analytics.synthetic_kela import kela_rows
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import AreaMunicipality, EmploymentArea

from .effectiveness import refresh_impacts
from .financing import import_kela
from .models import ProfilingRun
from .profiling import train_and_store
from .refresh import RefreshReport, refresh

KELA_MONTHS = 6
PROFILING_ROWS = 6000  # ≈ 5 s to train and audit on the shared 2-core machine


def load(population, progress=None) -> tuple[RefreshReport, int, int, ProfilingRun]:
    """Refresh the figures, import the synthetic Kela file of every demo area and train the
    profiling model (stored with its card and audit, published only if the gate allows)."""
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
    run = train_and_store(population.today, force_synthetic=True, synthetic_rows=PROFILING_ROWS).run
    return report, impacts, imported, run
