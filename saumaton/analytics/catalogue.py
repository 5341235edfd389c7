"""The metric catalogue: every figure's id, fi/sv/en name, unit, definition and source.

Why a separate module: the dashboards show "drill to definition" next to each number, the docs
list the same text, and the computation in ``metrics`` must not drift from what is promised
here. A metric is only computed if it is catalogued (``metrics`` asserts it), so the UI never
shows a figure without its definition.

Sources: RULES.md §17 (definitions and metrics) and the footnotes of Statistics Finland /
TEM employment service statistics table 902 (*Vaikeasti työllistettävät, rakennetyöttömyys*);
STATISTICS.md §4 and §8 for flows and placement after services.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE_TABLE_902 = (
    "TEM employment service statistics, StatFin table 902 footnotes "
    "(https://statfin.stat.fi/PxWeb/pxweb/en/StatFin_Passiivi/StatFin_Passiivi__tyonv/"
    "statfinpas_tyonv_pxt_902_201604.px); RULES.md §17"
)
SOURCE_ACTIVATION = (
    "Statistics Finland, employment statistics course: activation rate ALP/(ALP+U) "
    "(https://tilastokoulu.stat.fi/verkkokoulu_v2.xql?course_id=tkoulu_tmt&lesson_id=4"
    "&subject_id=1&page_type=sisalto); RULES.md §17"
)
SOURCE_STATS = "TEM/KEHA employment service statistics (työnvälitystilasto); RULES.md §17"
SOURCE_FLOWS = (
    "KEHA Työllisyyskuva indicators (flows into > 3-month unemployment); STATISTICS.md §4"
)
SOURCE_PLACEMENT = (
    "TEM report on placement after active labour-market services 2016 (22 % after 3 months, "
    "≈ 25 % after 6 months); RULES.md §17, STATISTICS.md §8"
)
SOURCE_PROCESS = "380/2023 §§31–33 (meetings), §24(4) (realisation of the ch. 4 conversations)"
SOURCE_SEAM = "Saumaton seam invariant (docs/architecture.md principle 4)"
SOURCE_REFERRAL_SEAM = (
    "Saumaton seam guard for referrals (saumaton/ecosystem/seam.py, docs/ecosystem.md); "
    "380/2023 §§31–33, §40 (the authority keeps the process going)"
)
SOURCE_PLAN = (
    "380/2023 §38 (728/2024), §40, §§32, 35 (saumaton.rules.plans; the seam guard's "
    "plan-review rule); RULES.md §7; KEHA Työllisyyskuva 'meeting statutory deadlines', "
    "RULES.md §17"
)


@dataclass(frozen=True)
class Metric:
    """A catalogued figure. ``unit`` is "persons", "spells", "meetings", "referrals", "share"
    or "days"."""

    id: str
    fi: str
    sv: str
    en: str
    unit: str
    definition: str
    source: str

    def name(self, language: str) -> str:
        """The metric's name in ``language`` ("fi", "sv" or "en")."""
        return {"fi": self.fi, "sv": self.sv, "en": self.en}[language]


DESTINATIONS = {
    # destination: (fi, sv, en)
    "employed": ("työhön", "till arbete", "to employment"),
    "in_service": ("palveluun", "till en tjänst", "to a service"),
    "studying": ("opiskelemaan", "till studier", "to studies"),
    "part_time": ("osa-aikatyöhön", "till deltidsarbete", "to part-time work"),
    "outside": ("työvoiman ulkopuolelle", "utanför arbetskraften", "outside the labour force"),
    "unknown": ("tuntematon", "okänd", "unknown"),
}

_METRICS = [
    Metric(
        "unemployed_jobseekers",
        "Työttömät työnhakijat",
        "Arbetslösa arbetssökande",
        "Unemployed jobseekers",
        "persons",
        "Persons whose status on the last day of the month is unemployed or fully laid off "
        "(a fully laid-off person counts as unemployed, 380/2023 §3(4)).",
        SOURCE_STATS,
    ),
    Metric(
        "long_term_unemployed",
        "Pitkäaikaistyöttömät",
        "Långtidsarbetslösa",
        "Long-term unemployed",
        "persons",
        "Unemployed jobseekers at month end whose unemployment has lasted at least 12 months "
        "continuously: adjacent unemployed and laid-off periods join, any other status breaks "
        "the spell. Component 1 of structural unemployment.",
        SOURCE_TABLE_902,
    ),
    Metric(
        "comparable_long_term_unemployed",
        "Rinnasteisesti pitkäaikaistyöttömät",
        "Jämförbart långtidsarbetslösa",
        "Comparable long-term unemployed",
        "persons",
        "Unemployed jobseekers at month end, not long-term, with at least 365 days of "
        "unemployment in total within the last 16 months (the count date included). "
        "Component 2 of structural unemployment.",
        SOURCE_TABLE_902,
    ),
    Metric(
        "unemployed_after_services",
        "Palveluilta työttömäksi jääneet",
        "Arbetslösa efter tjänster",
        "Unemployed after services",
        "persons",
        "Unemployed jobseekers at month end, in neither component above, whose latest active "
        "service ended within the last 12 months and at least 3 months before the count date. "
        "Component 3 of structural unemployment.",
        SOURCE_TABLE_902,
    ),
    Metric(
        "service_to_service",
        "Palveluilta palveluille siirtyneet",
        "Övergått från tjänst till tjänst",
        "Moved from service to service",
        "persons",
        "Persons in an active service at month end whose previous active service ended within "
        "the last 12 months with no employment, studies or time outside the labour force in "
        "between (the project's reading of the table 902 wording). Component 4.",
        SOURCE_TABLE_902,
    ),
    Metric(
        "structural_unemployment",
        "Rakennetyöttömyys",
        "Strukturarbetslöshet",
        "Structural unemployment",
        "persons",
        "Month-end sum of the four disjoint components: long-term unemployed, comparable "
        "long-term unemployed, unemployed after services and moved from service to service.",
        SOURCE_TABLE_902,
    ),
    Metric(
        "in_active_services",
        "Aktiivisilla palveluilla olevat",
        "I aktiva tjänster",
        "In active labour-market services (ALP)",
        "persons",
        "Persons whose status at month end is an active service: wage-subsidised work, work or "
        "education trial, labour market training, coaching, self-motivated study with benefit "
        "or rehabilitative work activity.",
        SOURCE_ACTIVATION,
    ),
    Metric(
        "activation_rate",
        "Aktivointiaste",
        "Aktiveringsgrad",
        "Activation rate",
        "share",
        "ALP / (ALP + U) at month end: persons in active services divided by persons in active "
        "services plus unemployed jobseekers.",
        SOURCE_ACTIVATION,
    ),
    Metric(
        "inflow",
        "Alkaneet työttömyysjaksot",
        "Inflöde till arbetslöshet",
        "Inflow to unemployment",
        "spells",
        "Continuous unemployment spells (unemployed or laid off) that began in the month.",
        SOURCE_FLOWS,
    ),
    Metric(
        "outflow",
        "Päättyneet työttömyysjaksot",
        "Avslutade arbetslöshetsperioder",
        "Outflow from unemployment",
        "spells",
        "Continuous unemployment spells whose last day fell in the month, all destinations.",
        SOURCE_FLOWS,
    ),
    *(
        Metric(
            f"outflow_{destination}",
            f"Päättyneet työttömyysjaksot: {fi}",
            f"Avslutade arbetslöshetsperioder: {sv}",
            f"Outflow {en}",
            "spells",
            "Unemployment spells ending in the month whose next status, starting the day after, "
            f"is {destination.replace('_', ' ')}"
            + (" (no recorded next status)" if destination == "unknown" else "")
            + ".",
            SOURCE_FLOWS,
        )
        for destination, (fi, sv, en) in DESTINATIONS.items()
    ),
    Metric(
        "ended_within_3_months",
        "Alle 3 kuukaudessa päättyneet jaksot",
        "Perioder avslutade inom 3 månader",
        "Share of spells ending within 3 months",
        "share",
        "Of the unemployment spells that began in the month three months before the reported "
        "month, the share that ended before three months had passed (so the figure is final at "
        "the end of the reported month). Its complement is the flow into > 3-month "
        "unemployment.",
        SOURCE_FLOWS,
    ),
    Metric(
        "median_duration_ongoing",
        "Käynnissä olevan työttömyyden keston mediaani",
        "Median för pågående arbetslöshets längd",
        "Median duration of ongoing unemployment",
        "days",
        "Median, over unemployed jobseekers at month end, of the days from the start of the "
        "continuous unemployment spell to the count date, both included.",
        SOURCE_STATS,
    ),
    Metric(
        "median_duration_ended",
        "Päättyneiden jaksojen keston mediaani",
        "Median för avslutade perioders längd",
        "Median duration of ended spells",
        "days",
        "Median length in days of the unemployment spells that ended in the month.",
        SOURCE_STATS,
    ),
    *(
        Metric(
            f"open_market_{months}m_after_service",
            f"Avoimilla työmarkkinoilla {months} kk palvelun jälkeen",
            f"På den öppna arbetsmarknaden {months} mån efter tjänsten",
            f"Open-market employment {months} months after a service",
            "share",
            f"Of the service participations that ended in the month {months} months before the "
            f"reported month, the share whose person is employed on the open labour market "
            f"(status employed, not a subsidised service) {months} months after the end.",
            SOURCE_PLACEMENT,
        )
        for months in (3, 6)
    ),
    Metric(
        "meetings_on_time",
        "Määräajassa pidetyt tapaamiset",
        "Möten hållna i tid",
        "Meetings held on time",
        "share",
        "Of the statutory meetings due in the month, the share held on or before the due date; "
        "a meeting rebooked for the same due date (after a no-show or a cancellation) is one "
        "meeting, held when any of its bookings was; one never held counts only if the person "
        "was still in the process (a jobseeker or in a service) on its due date.",
        SOURCE_PROCESS,
    ),
    Metric(
        "overdue_meetings",
        "Myöhässä olevat tapaamiset",
        "Försenade möten",
        "Overdue meetings",
        "meetings",
        "Statutory meetings due on or before month end and not held by month end, of people "
        "still in the process then (a jobseeker or in a service); a meeting rebooked for the "
        "same due date is one meeting.",
        SOURCE_PROCESS,
    ),
    Metric(
        "without_next_step",
        "Ilman seuraavaa askelta",
        "Utan nästa steg",
        "Jobseekers without a next step",
        "persons",
        "Unemployed, laid-off or part-time jobseekers at month end with neither a meeting due "
        "after month end nor a service starting after month end.",
        SOURCE_SEAM,
    ),
    Metric(
        "stalled_referrals",
        "Pysähtyneet lähetteet",
        "Avstannade remisser",
        "Stalled referrals",
        "referrals",
        "Referrals open at month end that the seam guard flags: sent and unanswered after "
        "their response due date; accepted but not started 5 days after the agreed start date "
        "(or after the response due date when no start date was agreed); or started and past "
        "their expected end without an outcome. A referral counts in its person's cells; the "
        "day of acceptance is the referral_accepted event on the timeline.",
        SOURCE_REFERRAL_SEAM,
    ),
    Metric(
        "plans_up_to_date",
        "Ajantasaiset suunnitelmat",
        "Aktuella planer",
        "Employment plans up to date",
        "share",
        "Of the unemployed, laid-off or part-time jobseekers at month end, the share who have "
        "an employment plan (its latest version saved by month end) whose follow-up deadline "
        "has not come (the plan-review rule of saumaton.rules.plans, as the seam guard uses "
        "it). No plan, or a follow-up deadline on or before month end, is not up to date.",
        SOURCE_PLAN,
    ),
]

METRICS: dict[str, Metric] = {metric.id: metric for metric in _METRICS}
