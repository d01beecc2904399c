"""Regenerate the "forms" section of country_forms.json from CLDR (via Babel) and the file's "curated" section.

CLDR gives every country's name in English, Russian and Arabic; it has no demonyms or adjectives, and few of
the variants press releases use ("UAE", "DR Congo", "Белоруссия"), so those are curated by hand in the same file.
This script derives the matchable forms (Russian stems, Arabic nisba forms, English plurals, accent-free
spellings) and writes them back under "forms", so the module only has to compile them.

Run it after editing "curated" or upgrading Babel:

    .venv/bin/python -m cooperation.importing.extraction.build_country_forms

Notation of a form (shared with countries.py): a space is any whitespace, "-" any hyphen or dash; a Russian word
ending in "+" takes any case ending, in "*" any continuation (adjective stems); a Russian form starting with
"=" keeps the case of its first letter ("Того" the country, not "того"); an Arabic word ending in "~" takes the
nisba endings (ة، ين، ون ...). Code "" marks a phrase that is not a country but contains one ("New Mexico").
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale

DATA = Path(__file__).with_name("country_forms.json")
LANGUAGES = ("en", "ru", "ar")

# Two-letter CLDR regions that are not ISO 3166-1 countries: macro-regions, reserved and private-use codes.
NOT_ISO = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}

# Russian endings that mark a word as an adjective inside a multi-word name ("Южная", "Объединённые").
_RU_ADJECTIVE_ENDINGS = ("ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой")
# Russian nouns borrowed with these final letters do not decline ("Перу", "Чили", "Того", "Кабо-Верде").
_RU_INDECLINABLE_FINALS = "оеиуюэ"
_ARABIC_ARTICLE = "ال"


def iso_codes() -> list[str]:
    return sorted(
        code for code in Locale("en").territories if len(code) == 2 and code.isalpha() and code not in NOT_ISO
    )


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _without_parentheses(name: str) -> list[str]:
    """ "Myanmar (Burma)" -> ["Myanmar", "Burma"]; "Cocos (Keeling) Islands" -> ["Cocos Islands"]."""
    match = re.search(r"\s*\(([^)]*)\)", name)
    if not match:
        return [name]
    outside = (name[: match.start()] + name[match.end() :]).strip()
    inner = match.group(1).strip()
    # The bracketed part is another name only after a one-word name ("Myanmar (Burma)"), not a qualifier
    # ("Гонконг (САР)", "Виргинские о-ва (Великобритания)").
    alternative = " " not in outside and " " not in inner and inner[:1].isupper() and not inner.isupper()
    return [outside, inner] if alternative else [outside]


def _dash_variants(name: str) -> list[str]:
    """ "Congo - Kinshasa", "Папуа — Новая Гвинея": written both with a hyphen and with a space."""
    if not re.search(r"\s[-–—]\s", name):
        return [name]
    return [re.sub(r"\s[-–—]\s", "-", name), re.sub(r"\s[-–—]\s", " ", name)]


def english_names(name: str) -> list[str]:
    forms = []
    for base in _without_parentheses(name):
        for form in _dash_variants(base):
            forms.append(form)
            if "&" in form:
                forms.append(form.replace("&", "and"))
    for form in list(forms):
        if form.startswith("St. "):
            forms += ["Saint " + form[4:], "St " + form[4:]]
    for form in list(forms):
        if form.startswith("the "):
            forms.append("The " + form[4:])
        if _ascii(form) != form:
            forms.append(_ascii(form))
    return forms


def english_adjectives(adjective: str) -> list[str]:
    """The adjective and, when it is also a demonym noun, its plural ("Rwandan", "Rwandans")."""
    if re.search(r"(?:s|sh|ch|x|z)$", adjective) or adjective.startswith("the "):
        return [adjective]
    return [adjective, adjective + "s"]


def russian_word(word: str, *, last: bool) -> str:
    """One word of a Russian name as a matchable stem: "Сербия" -> "серби+", "Южная" -> "южн+", "Перу" -> "перу"."""
    if "-" in word:
        return "-".join(russian_word(part, last=last) for part in word.split("-"))
    lower = word.lower()
    if word.isupper() or len(word) <= 2 or lower in {"и", "о-в", "о-ва"}:
        return lower
    if not last and lower.endswith(_RU_ADJECTIVE_ENDINGS):
        return lower[:-2] + "+"
    if lower.endswith(("ии", "ство")):  # "территории", "Королевство" decline like ordinary nouns
        return lower[:-1] + "+"
    if lower[-1] in "ая" and lower[-2] in "аоуэ":  # "Самоа", "Никарагуа", "Папуа" do not decline
        return lower
    if lower[-1] in "аяыйь":
        return lower[:-1] + "+"
    if lower[-1] in _RU_INDECLINABLE_FINALS:
        return lower
    return lower + "+"


def russian_names(name: str, capitalised: set[str]) -> list[str]:
    """CLDR nominative -> stems in which every word inflects ("Объединённых Арабских Эмиратов")."""
    if "," in name:
        return []  # "Бонэйр, Синт-Эстатиус и Саба": a list, not a name; curated instead
    forms = []
    for base in _without_parentheses(name):
        base = re.sub(r"\bо-ва\b", "острова", re.sub(r"\bо-в\b", "остров", base))
        for variant in _dash_variants(base):
            words = variant.split()
            if words == [w for w in words if w.isupper()]:
                forms.append(variant)  # "ОАЭ", "КНДР"
                continue
            # Only the last word can be a noun in -ий/-ой ("Маврикий"); before it such words are adjectives.
            form = " ".join(russian_word(w, last=i == len(words) - 1) for i, w in enumerate(words))
            forms.append("=" + form if variant in capitalised else form)
    return forms


def russian_curated(entry: str, capitalised: set[str]) -> list[str]:
    """A curated Russian name: taken as written when it already uses the notation, otherwise stemmed."""
    if re.search(r"[+*=]", entry) or entry.isupper():
        return [entry]
    return russian_names(entry, capitalised)


def arabic_names(name: str) -> list[str]:
    forms = []
    for base in _without_parentheses(name):
        forms += _dash_variants(base)
    return forms


def arabic_nisba(adjective: str) -> list[str]:
    """ "برازيلي" -> "برازيلي~" and "البرازيلي~".

    Every nisba word of a phrase agrees ("الكوري الجنوبي"); a plain noun in front takes the article only
    for the whole phrase ("جنوب أفريقي" -> "الجنوب أفريقي").
    """
    words = adjective.split()
    nisba = [word.endswith("ي") for word in words]
    bare = " ".join(word + "~" if is_nisba else word for word, is_nisba in zip(words, nisba, strict=True))
    definite = []
    for index, (word, is_nisba) in enumerate(zip(words, nisba, strict=True)):
        takes_article = index == 0 or (is_nisba and nisba[0])
        definite.append((_ARABIC_ARTICLE if takes_article else "") + word + ("~" if is_nisba else ""))
    return [bare, " ".join(definite)]


def arabic_with_lam(form: str) -> list[str]:
    """ل before the article drops its alif: ل + البرازيل is written للبرازيل, so "لبرازيل" must be a form too."""
    return [form, form[1:]] if form.startswith(_ARABIC_ARTICLE) else [form]


# Arabic words with غ (المغرب، الغربية): written with ج they are other words ("المجرب", tested).
_NATIVE_GHAYN = {"غرب"}


def arabic_names_with_jim(form: str) -> list[str]:
    """Egyptian papers write a foreign "g" with ج ("توجو", "الجابون", "بنجلاديش", "السنجال") where CLDR has غ:
    a country's name has both spellings (names only; a nisba with ج may be another word, "جاني")."""
    forms = arabic_with_lam(form)
    if "غ" in form and not any(word in form for word in _NATIVE_GHAYN):
        forms += arabic_with_lam(form.replace("غ", "ج"))
    return forms


class Forms:
    """Form -> code per language; curated forms win, a CLDR form claimed by two countries is dropped."""

    def __init__(self) -> None:
        self.by_language: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
        self.curated: dict[str, set[str]] = {language: set() for language in LANGUAGES}
        self.clashes: list[str] = []

    def add(self, language: str, form: str, code: str, *, curated: bool) -> None:
        forms, curated_forms = self.by_language[language], self.curated[language]
        key = form.lower() if language == "ru" else form
        known = forms.get(key)
        if known is None or known == code:
            forms[key] = code
        elif curated and key not in curated_forms:
            forms[key] = code  # the curated table overrides CLDR
        elif not curated and key in curated_forms:
            return
        else:
            self.clashes.append(f"{language} {form!r}: {known} / {code}")
            return
        if curated:
            curated_forms.add(key)


def _add_the_variants(english: dict[str, str]) -> None:
    """ "the United States" is a form, so "the United States of America" must be one too, or the shorter wins."""
    with_the = [form for form in english if form.lower().startswith("the ")]
    for form, code in list(english.items()):
        for article in ("the ", "The "):
            longer = article + form
            if longer not in english and any(longer.startswith(short + " ") for short in with_the):
                english[longer] = code


def build(curated: dict) -> dict[str, dict[str, str]]:
    locales = {language: Locale(language).territories for language in LANGUAGES}
    countries = curated["countries"]
    capitalised = set(curated["ru_case_sensitive"])
    dropped = {language: set(names) for language, names in curated["drop_cldr_names"].items()}
    forms = Forms()
    cldr_forms = {
        "en": english_names,
        "ru": lambda name: russian_names(name, capitalised),
        "ar": lambda name: [form for each in arabic_names(name) for form in arabic_names_with_jim(each)],
    }
    # Each key of a curated entry, the language of its forms and how they are derived, in the order they are added.
    curated_keys = (
        ("en", "en_names", english_names),
        ("en", "en", english_adjectives),
        ("ru", "ru_names", lambda name: russian_curated(name, capitalised)),
        ("ru", "ru", lambda stem: [stem + "*"]),
        ("ar", "ar_names", arabic_names_with_jim),
        ("ar", "ar", arabic_nisba),
    )
    for code in iso_codes():
        entry = countries.get(code, {})
        for language, derive in cldr_forms.items():
            name = locales[language][code]
            for form in derive(name) if name not in dropped[language] else []:
                forms.add(language, form, code, curated=False)
        for language, key, derive in curated_keys:
            for written in entry.get(key, []):
                for form in derive(written):
                    forms.add(language, form, code, curated=True)
    _add_the_variants(forms.by_language["en"])
    for language, phrases in curated["not_countries"].items():
        for phrase in phrases:
            forms.add(language, phrase, "", curated=True)
    unknown = set(curated["less_certain"]) - {f for by in forms.by_language.values() for f in by}
    if unknown:
        raise SystemExit(f"less_certain names forms that do not exist: {sorted(unknown)}")
    for clash in forms.clashes:
        sys.stderr.write(f"dropped, claimed by two countries: {clash}\n")
    return {language: dict(sorted(by.items())) for language, by in forms.by_language.items()}


def _dump(value: object, depth: int = 0) -> str:
    """JSON with one country, one form or one setting per line, so the curated table stays editable by hand."""
    if not isinstance(value, dict) or depth >= 3 or not value:
        return json.dumps(value, ensure_ascii=False)
    indent = "  " * (depth + 1)
    rows = [f"{indent}{json.dumps(key, ensure_ascii=False)}: {_dump(inner, depth + 1)}" for key, inner in value.items()]
    return "{\n" + ",\n".join(rows) + "\n" + "  " * depth + "}"


def main() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    data["forms"] = build(data["curated"])
    DATA.write_text(_dump(data) + "\n", encoding="utf-8")
    counts = ", ".join(f"{language} {len(forms)}" for language, forms in data["forms"].items())
    sys.stdout.write(f"{DATA.name}: {len(iso_codes())} countries; forms: {counts}\n")


if __name__ == "__main__":
    main()
