"""Writes ``given_names.txt``: given names in Latin script from Faker's person data for every locale.

    .venv/bin/python cooperation/importing/extraction/build_given_names.py

A name glued to an institution ("Minister of Foreign Affairs of the Republic of Serbia Nikola Selakovic")
is told from the rest of an institution's name ("... Authority for Government Human Resources") by its
first word being a given name somewhere in the world. Faker's locale data is a maintained list of them.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import regex
from faker.config import AVAILABLE_LOCALES

OUT = Path(__file__).with_name("given_names.txt")
# Given names that are also words of institution names in English press releases.
NOT_GIVEN = {"Asia", "Europe", "Africa", "America", "Unity", "Justice", "Liberty", "Union", "Royal", "Central"}


def given_names() -> list[str]:
    names: set[str] = set()
    for locale in AVAILABLE_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            values = provider.__dict__.get(attribute)
            if isinstance(values, dict | list | tuple | set):
                names |= {n for n in values if isinstance(n, str) and regex.fullmatch(r"\p{Lu}[\p{Latin}'’-]+", n)}
    return sorted(names - NOT_GIVEN)


if __name__ == "__main__":
    names = given_names()
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(names)} given names")
