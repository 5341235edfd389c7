"""Fictional names: common Finnish, Finland-Swedish and foreign first and last names, combined
at random, so no record is meant to point at a real person.

The pool follows the mother tongue, so a Swedish-speaking jobseeker in Närpiö gets a
Finland-Swedish name and a Ukrainian citizen usually an Eastern European one.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NamePool:
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]

    def draw(self, rng: random.Random, male: bool) -> tuple[str, str]:
        first = rng.choice(self.male if male else self.female)
        return first, rng.choice(self.last)


FINNISH = NamePool(
    male=(
        "Mikko", "Juha", "Timo", "Jari", "Antti", "Janne", "Matti", "Petri", "Ville", "Tuomas",
        "Joonas", "Eetu", "Aleksi", "Lauri", "Jussi", "Niko", "Teemu", "Sami", "Kari", "Pekka",
        "Heikki", "Eino", "Onni", "Veeti",
    ),
    female=(
        "Anna", "Maria", "Sanna", "Laura", "Johanna", "Tiina", "Minna", "Elina", "Katja",
        "Heidi", "Noora", "Emmi", "Aino", "Venla", "Pirjo", "Riikka", "Satu", "Marja", "Henna",
        "Jenni", "Outi", "Kaisa", "Helmi", "Iida",
    ),
    last=(
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
        "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
        "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
        "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
        "Ahonen", "Hautala", "Kangas", "Peltola", "Ketola", "Rinne", "Mäki", "Hakala", "Kallio",
        "Koivisto", "Nurmi",
    ),
)  # fmt: skip

FINLAND_SWEDISH = NamePool(
    male=(
        "Johan", "Anders", "Mikael", "Fredrik", "Henrik", "Patrik", "Stefan", "Jonas", "Kim",
        "Mats", "Erik", "Lars", "Oskar", "Axel", "Ludvig", "Nils", "Björn", "Kristian", "Tobias",
        "Emil",
    ),
    female=(
        "Anna", "Maria", "Sofia", "Emma", "Ida", "Linnea", "Ellen", "Sara", "Johanna", "Camilla",
        "Annika", "Lena", "Malin", "Karin", "Helena", "Jessica", "Matilda", "Ebba", "Frida",
        "Elin",
    ),
    last=(
        "Björklund", "Holmström", "Lindqvist", "Nyström", "Sjöberg", "Westerlund", "Forsman",
        "Lindholm", "Backman", "Granholm", "Öhman", "Strand", "Blomqvist", "Lindström", "Ekholm",
        "Sundqvist", "Högnäs", "Kronqvist", "Wikström", "Nordman", "Åkerlund", "Mattsson",
        "Karlsson", "Eriksson", "Ström",
    ),
)  # fmt: skip

EASTERN_EUROPEAN = NamePool(
    male=(
        "Dmitri", "Sergei", "Oleksandr", "Andrii", "Ivan", "Aleksei", "Mykola", "Pavel", "Tarmo",
        "Andrus", "Piotr", "Tomasz", "Mihai", "Andrei",
    ),
    female=(
        "Olga", "Natalia", "Irina", "Oksana", "Tetiana", "Svetlana", "Yulia", "Anastasia",
        "Kadri", "Liis", "Agnieszka", "Ioana", "Elena", "Marina",
    ),
    last=(
        "Kovalenko", "Shevchenko", "Bondarenko", "Melnyk", "Tkachenko", "Kravets", "Tamm",
        "Saar", "Kask", "Nowak", "Kowalczyk", "Popescu", "Ionescu", "Morozko",
    ),
)  # fmt: skip

MIDDLE_EAST_AND_AFRICA = NamePool(
    male=(
        "Ahmed", "Mohammed", "Ali", "Hassan", "Omar", "Abdi", "Yusuf", "Mustafa", "Reza", "Karim",
        "Mehmet", "Dawit", "Samir", "Farid",
    ),
    female=(
        "Fatima", "Amina", "Layla", "Hodan", "Sara", "Maryam", "Zahra", "Nour", "Ayan", "Shirin",
        "Elif", "Hanna", "Rahel", "Leila",
    ),
    last=(
        "Hassan", "Mohamed", "Ali", "Abdullahi", "Ahmadi", "Hosseini", "Karimi", "Yilmaz",
        "Omar", "Warsame", "Haile", "Tesfaye", "Rahimi", "Jama",
    ),
)  # fmt: skip

ASIAN_AND_ENGLISH = NamePool(
    male=(
        "Minh", "Wei", "Jun", "Anan", "Jose", "Rahul", "Arjun", "Rafiq", "John", "David",
        "Chinedu", "Michael", "Tuan", "Hao",
    ),
    female=(
        "Linh", "Mei", "Yan", "Sunisa", "Maria", "Priya", "Anjali", "Nusrat", "Emily", "Grace",
        "Ngozi", "Sarah", "Thao", "Ying",
    ),
    last=(
        "Nguyen", "Tran", "Wang", "Li", "Chen", "Srisuk", "Santos", "Reyes", "Sharma", "Kumar",
        "Rahman", "Smith", "Okafor", "Brown", "Pham",
    ),
)  # fmt: skip

_POOL_BY_LANGUAGE = {
    "fi": FINNISH,
    "sv": FINLAND_SWEDISH,
    **dict.fromkeys(("ru", "uk", "et", "pl", "ro"), EASTERN_EUROPEAN),
    **dict.fromkeys(("ar", "ku", "so", "fa", "ps", "tr", "am", "ti"), MIDDLE_EAST_AND_AFRICA),
}


def pool_for(language: str) -> NamePool:
    """Name pool for a mother tongue (ISO 639-1); other languages share one mixed pool."""
    return _POOL_BY_LANGUAGE.get(language, ASIAN_AND_ENGLISH)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only: "Åkerlund" → "akerlund" (for e-mail, usernames)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())
