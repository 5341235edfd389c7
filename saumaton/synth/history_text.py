"""Words for synthetic pathways in the person's service language (fi, sv, en).

Why a table: plans, assessments and application reports must read like a coach wrote them, in
the language the person is served in (380/2023 §11; Language Act 423/2003), or the demo's PDF and
self-service pages would not show what a real area sees. Everything here is invented; employer
names are compounds of made-up stems, and any likeness to a real firm is coincidental.
"""

from __future__ import annotations

import random

Triple = tuple[str, str, str]  # (fi, sv, en)
LANGUAGES = ("fi", "sv", "en")


def pick(triple: Triple, language: str) -> str:
    return triple[LANGUAGES.index(language)]


OFFICE: Triple = ("Työllisyyspalvelut", "Sysselsättningstjänsterna", "Employment services")
FOLLOW_UP_METHOD: Triple = (
    "Työnhakukeskustelu ja hakemusten seuranta asiointipalvelussa",
    "Jobbsökningssamtal och uppföljning av ansökningar i e-tjänsten",
    "Job-search conversation and follow-up of applications in the e-service",
)
LATE_REASONS: tuple[Triple, ...] = (
    (
        "Ei vapaita aikoja määräajassa",
        "Inga lediga tider inom tidsfristen",
        "No free slots in time",
    ),
    ("Asiakkaan toivoma aika", "Tid enligt kundens önskemål", "Time requested by the person"),
    ("Tulkin saatavuus", "Tillgång till tolk", "Interpreter availability"),
)
VALID_REASON_TEXTS: dict[str, Triple] = {
    "illness_or_accident": (
        "Olin sairaana, lääkärintodistus toimitettu.",
        "Jag var sjuk, läkarintyg inlämnat.",
        "I was ill; a medical certificate was sent.",
    ),
    "not_reached_by_phone": (
        "Puhelin oli rikki, en saanut soittoa.",
        "Telefonen var trasig, jag fick inte samtalet.",
        "My phone was broken and I missed the call.",
    ),
    "independent_reason": (
        "Lapsen äkillinen sairastuminen.",
        "Barnet insjuknade plötsligt.",
        "My child fell suddenly ill.",
    ),
    "incapacity": (
        "Sairausloma koko tarkastelujakson ajan.",
        "Sjukledig under hela granskningsperioden.",
        "On sick leave for the whole review period.",
    ),
    "full_time_work_two_weeks": (
        "Olin kolme viikkoa kokoaikatyössä.",
        "Jag hade heltidsarbete i tre veckor.",
        "I worked full time for three weeks.",
    ),
}
VALID_REASONS_BY_KIND = {
    "missed_meeting": ("illness_or_accident", "not_reached_by_phone", "independent_reason"),
    "job_search_duty": ("incapacity", "full_time_work_two_weeks"),
}

# Fields of study and job titles by ISCO-08 sub-major group (two digits) or major group (one).
FIELDS: dict[str, Triple] = {
    "0": ("Turvallisuusala", "Säkerhetsbranschen", "Security"),
    "1": ("Liiketalous", "Företagsekonomi", "Business administration"),
    "2": ("Tekniikka", "Teknik", "Engineering"),
    "22": ("Terveysala", "Hälsovård", "Health care"),
    "23": ("Kasvatusala", "Pedagogik", "Education"),
    "3": ("Tekniikka", "Teknik", "Engineering"),
    "32": ("Sosiaali- ja terveysala", "Social- och hälsovård", "Health and social care"),
    "4": ("Liiketalous", "Företagsekonomi", "Business administration"),
    "5": ("Kaupan ala", "Handel", "Retail"),
    "51": ("Matkailu- ja ravintola-ala", "Turism och restaurang", "Hospitality"),
    "53": ("Sosiaali- ja terveysala", "Social- och hälsovård", "Health and social care"),
    "6": ("Maa- ja metsätalous", "Jord- och skogsbruk", "Agriculture and forestry"),
    "7": ("Rakennusala", "Byggbranschen", "Construction"),
    "72": ("Kone- ja tuotantotekniikka", "Maskin- och produktionsteknik", "Mechanical engineering"),
    "74": ("Sähköala", "Elbranschen", "Electrical engineering"),
    "8": ("Logistiikka", "Logistik", "Logistics"),
    "81": ("Prosessiteollisuus", "Processindustri", "Process industry"),
    "9": ("Puhdistuspalvelut", "Rengöringsservice", "Cleaning services"),
    "": ("Yleissivistävä koulutus", "Allmänbildande utbildning", "General education"),
}
JOB_TITLES: dict[str, tuple[Triple, ...]] = {
    "0": (("Vartija", "Väktare", "Security guard"),),
    "1": (
        ("Myymäläpäällikkö", "Butikschef", "Store manager"),
        ("Tiiminvetäjä", "Teamledare", "Team leader"),
    ),
    "2": (
        ("Suunnittelija", "Planerare", "Planner"),
        ("Asiantuntija", "Expert", "Specialist"),
        ("Ohjelmistokehittäjä", "Mjukvaruutvecklare", "Software developer"),
    ),
    "3": (
        ("Teknikko", "Tekniker", "Technician"),
        ("Myyntineuvottelija", "Försäljningsförhandlare", "Sales negotiator"),
    ),
    "4": (
        ("Toimistosihteeri", "Kontorssekreterare", "Office secretary"),
        ("Asiakaspalvelija", "Kundtjänstmedarbetare", "Customer service agent"),
        ("Varastotyöntekijä", "Lagerarbetare", "Warehouse worker"),
    ),
    "5": (
        ("Myyjä", "Försäljare", "Sales assistant"),
        ("Lähihoitaja", "Närvårdare", "Practical nurse"),
        ("Kokki", "Kock", "Cook"),
    ),
    "6": (
        ("Metsuri", "Skogsarbetare", "Forest worker"),
        ("Maatilatyöntekijä", "Lantarbetare", "Farm worker"),
    ),
    "7": (
        ("Kirvesmies", "Timmerman", "Carpenter"),
        ("Hitsaaja", "Svetsare", "Welder"),
        ("Asentaja", "Montör", "Fitter"),
    ),
    "8": (
        ("Kuorma-autonkuljettaja", "Lastbilschaufför", "Truck driver"),
        ("Prosessityöntekijä", "Processarbetare", "Process worker"),
        ("Kokoonpanija", "Montör", "Assembler"),
    ),
    "9": (
        ("Siivooja", "Städare", "Cleaner"),
        ("Varastotyöntekijä", "Lagerarbetare", "Warehouse worker"),
        ("Keittiöapulainen", "Köksbiträde", "Kitchen assistant"),
    ),
    "": (("Myyjä", "Försäljare", "Sales assistant"), ("Siivooja", "Städare", "Cleaner")),
}
DEGREES = {
    "basic": ("Perusopetuksen oppimäärä", "Grundläggande utbildning", "Basic education"),
    "upper_secondary": (
        "Ammatillinen perustutkinto",
        "Yrkesinriktad grundexamen",
        "Vocational upper secondary qualification",
    ),
    "general_upper_secondary": ("Ylioppilastutkinto", "Studentexamen", "Matriculation examination"),
    "bachelor": ("Ammattikorkeakoulututkinto", "Yrkeshögskoleexamen", "Bachelor's degree (UAS)"),
    "master": ("Ylempi korkeakoulututkinto", "Högre högskoleexamen", "Master's degree"),
}

_EMPLOYER_STEMS = (
    "Pohjanranta",
    "Lakeuden",
    "Merikivi",
    "Hiekkasärkkä",
    "Kuusiston",
    "Aaltoviiva",
    "Revontuli",
    "Koivikko",
    "Routa",
    "Sarviranta",
    "Tuulimylly",
    "Kalliopohja",
    "Virtakivi",
    "Saaristo",
    "Rantakaari",
    "Honkamäen",
)
_EMPLOYER_TRADES: dict[str, tuple[str, ...]] = {
    "1": ("Kauppa", "Palvelut"),
    "2": ("Konsultointi", "Tekniikka"),
    "3": ("Tekniikka", "Myynti"),
    "4": ("Palvelut", "Logistiikka"),
    "5": ("Kauppa", "Hoiva", "Ravintolat"),
    "6": ("Metsä", "Tila"),
    "7": ("Rakennus", "Konepaja", "Sähkö"),
    "8": ("Kuljetus", "Tuotanto"),
    "9": ("Siivous", "Kiinteistöpalvelut"),
}
_COMPANY_FORMS = ("Oy", "Ab", "Oy", "Ky")


def employer_name(major: str, rng: random.Random) -> str:
    """An invented employer in the trade of an ISCO major group, e.g. *Routa Rakennus Oy*."""
    trades = _EMPLOYER_TRADES.get(major, ("Palvelut",))
    return f"{rng.choice(_EMPLOYER_STEMS)} {rng.choice(trades)} {rng.choice(_COMPANY_FORMS)}"


def lookup(table: dict, isco: str | None):
    """The entry for the sub-major group, else the major group, else the unknown group."""
    code = isco or ""
    return table.get(code[:2]) or table.get(code[:1]) or table[""]


# ---- the service-need assessment and the plan ---------------------------------------------

SKILLS_AND_GOALS: Triple = (
    "Osaaminen: {field}. Tavoitteena työ alalta tai lähialalta työssäkäyntialueella.",
    "Kompetens: {field}. Målet är arbete inom branschen eller en närliggande bransch.",
    "Competence: {field}. Aims at work in the field or a related one within commuting distance.",
)
WORK_CAPACITY: tuple[Triple, Triple] = (
    ("Ei tiedossa olevia rajoitteita.", "Inga kända begränsningar.", "No known limitations."),
    (
        "Työkyvyssä rajoitteita, huomioidaan työtehtävissä.",
        "Begränsningar i arbetsförmågan beaktas i arbetsuppgifterna.",
        "Limitations in work ability, to be taken into account in the tasks.",
    ),
)
JOB_SEARCH_SKILLS: tuple[Triple, ...] = (
    ("Hyvät työnhakutaidot.", "Goda färdigheter i jobbsökning.", "Good job-search skills."),
    (
        "Tarvitsee tukea CV:n ja hakemusten laatimisessa.",
        "Behöver stöd med CV och ansökningar.",
        "Needs support with the CV and applications.",
    ),
    (
        "Tarvitsee tukea sähköisessä asioinnissa.",
        "Behöver stöd med e-tjänster.",
        "Needs support with online services.",
    ),
)
SURVEY: Triple = (
    "Työnhaku alkanut {start}. Koulutus: {degree}. Viimeisin ala: {field}. "
    "Asiakas hakee ensisijaisesti {title_lower}-tehtäviä.",
    "Arbetssökandet började {start}. Utbildning: {degree}. Senaste bransch: {field}. "
    "Kunden söker i första hand arbete som {title_lower}.",
    "Job search started on {start}. Education: {degree}. Latest field: {field}. "
    "The person looks first for work as {title_lower}.",
)
GOALS: tuple[Triple, ...] = (
    (
        "Työllistyminen avoimille työmarkkinoille",
        "Sysselsättning på den öppna arbetsmarknaden",
        "Employment in the open labour market",
    ),
    ("Osaamisen päivittäminen", "Uppdatera kompetensen", "Update skills"),
    ("Alan vaihto lähialalle", "Byte till en närliggande bransch", "Move to a related field"),
    (
        "Osa-aikatyö kokoaikatyön rinnalle",
        "Deltidsarbete vid sidan av heltid",
        "Part-time work alongside full-time search",
    ),
)
ACTIONS: tuple[tuple[Triple, str], ...] = (
    (
        (
            "Hakee vähintään neljää työpaikkaa kuukaudessa",
            "Söker minst fyra jobb i månaden",
            "Applies for at least four jobs a month",
        ),
        "",
    ),
    (("CV:n päivitys", "Uppdatera CV:t", "Update the CV"), "cv_workshop"),
    (("Työnhakuvalmennus", "Jobbsökarträning", "Job-search coaching"), "coaching"),
    (("Työkokeilu", "Arbetsprövning", "Work trial"), "work_trial"),
    (
        ("Työvoimakoulutus", "Arbetskraftsutbildning", "Labour market training"),
        "labour_market_training",
    ),
    (
        ("Työkykyarvio", "Bedömning av arbetsförmågan", "Work-ability assessment"),
        "work_ability_assessment",
    ),
)
