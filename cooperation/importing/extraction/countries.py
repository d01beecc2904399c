"""Countries from names, adjectives and demonyms in English, Russian and Arabic, in any grammatical form.

Every ISO 3166-1 country is covered. Names come from CLDR (through Babel) so that the list is complete and
spelt the way the Unicode consortium spells it; CLDR has no adjectives or demonyms and few of the variants
press releases use ("UAE", "Белоруссия", "DR Congo"), so those are a hand-curated table. Both live in
country_forms.json, which build_country_forms.py regenerates; its "forms" section is what is compiled here.

Russian forms are stems that take any case ending ("Сербия", "Сербии", "сербской делегации"); Arabic forms
allow the attached prefixes و/ف/ب/ل/ك and the nisba endings (البرازيلي، البرازيلية، برازيليين). English is
case-sensitive so that "turkey" the bird and "chad" are not countries.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .base import ARABIC_MARKS, Found, evidence_for

_DATA = json.loads(Path(__file__).with_name("country_forms.json").read_text(encoding="utf-8"))
_CERTAIN = 0.95

# What the notation of country_forms.json stands for (see build_country_forms.py). Every Russian case ending
# (а, ой, ями, ого, ью ...) has the shape of _RU_ENDING.
_RU_ENDING = "[аяоеиыуюь]?[мхвгй]?[аеиоуюя]?"
_AR_NISBA_ENDING = "(?:ة|[اوي]ن|ات|ت[اي]ن)?"  # البرازيلية، البرازيليين، البرازيليون، البرازيليات
# A suffix that ends a form is written once after the whole trie (see _compile); inside a multi-word form
# ("Южной Корее") it is written in place, where the next word keeps a loose ending precise enough.
_FINAL_SUFFIXES = {"": "", "+": _RU_ENDING, "*": r"\w*", "~": _AR_NISBA_ENDING}
_INNER_SUFFIXES = {"+": r"\w{0,3}", "*": r"\w*", "~": _AR_NISBA_ENDING}
_ARABIC_PREFIX = "(?:[وف]?[بلك]?)"  # و، ف، ب، ل، ك، وب، ول ... written joined to the name
_END = ""  # trie key of "a form ends here"
# A language's regexes are run only on text in its script: most documents are in one language.
_SCRIPTS = {"en": re.compile("[A-Za-z]"), "ru": re.compile("[А-Яа-яЁё]"), "ar": re.compile("[\u0600-\u06ff]")}

# Spellings that vary without changing the word, folded one character for one character so that offsets in
# the folded text are offsets in the original: ё/е, hamza on alif (often left out), apostrophes and dashes.
_FOLD = str.maketrans(
    {"ё": "е", "Ё": "Е", "أ": "ا", "إ": "ا", "آ": "ا", "’": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
)
_FOLDABLE = re.compile("[ёЁأإآ’‐‑–—]")  # str.translate alone walks every character through a dict: slower


def _fold(text: str) -> str:
    return _FOLDABLE.sub(lambda match: match.group().translate(_FOLD), text)


def _pieces(form: str) -> list[str]:
    """The form as a list of regex fragments, one per character, so that forms can share a trie."""
    keep_case = form.startswith("=")
    pieces = []
    for index, char in enumerate(form.removeprefix("=").translate(_FOLD)):
        if char == " ":
            pieces.append(r"\s+")
        elif char == "-":
            pieces.append(r"\s?-\s?")
        elif char in _INNER_SUFFIXES:
            pieces.append(_INNER_SUFFIXES[char])
        elif keep_case and index == 0:
            pieces.append(f"(?-i:{char.upper()})")
        elif "\u0621" <= char <= "\u064a":
            pieces.append(char + ARABIC_MARKS + "*")  # "العُماني", "عُمان": a vowel mark or a tatweel between letters
        else:
            pieces.append(re.escape(char))
    return pieces


def _trie_pattern(forms: list[tuple[list[str], int]]) -> str:
    """One alternation for all forms, factored as a trie so matching does not try thousands of branches.

    At every node literal continuations are tried before suffixes and before ending the form, so the regex
    finds the longest form at each position ("Nigeria" over "Niger", "كوريا الشمالية" over "كوريا"). Where a
    form ends, an empty named group f<n> records which form it was.
    """
    root: dict = {}
    for pieces, number in forms:
        node = root
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[_END] = number

    def emit(node: dict) -> str:
        keys = sorted((key for key in node if key != _END), key=lambda key: key in _INNER_SUFFIXES.values())
        branches = [key + emit(node[key]) for key in keys]
        if _END in node:
            branches.append(f"(?P<f{node[_END]}>)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


def _compile() -> tuple[list[tuple[re.Pattern, re.Pattern]], list[tuple[str, float]]]:
    """(script, regex) pairs to run, and per form number its country code and confidence.

    One regex per language and final suffix: a Russian stem's case endings are written once after the trie
    rather than after each of 400 stems, which made compiling them (at import) take a tenth of a second.
    """
    less_certain = _DATA["curated"]["less_certain"]
    info: list[tuple[str, float]] = []
    patterns = []
    for language, flags, prefix in (("en", 0, ""), ("ru", re.IGNORECASE, ""), ("ar", 0, _ARABIC_PREFIX)):
        script = _SCRIPTS[language]
        by_suffix: dict[str, list[tuple[list[str], int]]] = {}
        for form, code in _DATA["forms"][language].items():
            suffix = form[-1] if form[-1] in _FINAL_SUFFIXES else ""
            by_suffix.setdefault(suffix, []).append((_pieces(form.removesuffix(suffix) if suffix else form), len(info)))
            info.append((code, less_certain.get(form, _CERTAIN)))
        for suffix, forms in by_suffix.items():
            tail = _FINAL_SUFFIXES[suffix]
            patterns.append((script, re.compile(rf"(?<!\w){prefix}(?:{_trie_pattern(forms)}){tail}(?!\w)", flags)))
    return patterns, info


_PATTERNS, _FORM_INFO = _compile()


def _mentions(text: str) -> list[tuple[str, int, int, float]]:
    """(code, start, end, confidence) of every mention, longest first where they overlap, in text order."""
    folded = _fold(text)
    scripts = {script: bool(script.search(folded)) for script in _SCRIPTS.values()}
    hits = [
        (match.start(), match.end(), int(match.lastgroup[1:]))
        for script, pattern in _PATTERNS
        if scripts[script]
        for match in pattern.finditer(folded)
    ]
    # Earliest first, then longest; on a tie a not-country phrase wins ("السويدي" the family name, see data).
    hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1], _FORM_INFO[hit[2]][0] != ""))
    kept: list[tuple[int, int, int]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    # Phrases such as "New Mexico" are matched only to hide the country inside them; code "" drops them here.
    return [
        (_FORM_INFO[n][0], start, end, _FORM_INFO[n][1])
        for start, end, n in kept
        if _FORM_INFO[n][0] and not _a_language(text, start, end)
    ]


# "French-speaking diplomats", "на французском языке", "الناطقين باللغة الفرنسية": a language, not its country.
_LANGUAGE_BEFORE = re.compile(r"(?:ب|ل)?(?:ال)?لغ[ةت]\s*$")
_LANGUAGE_AFTER = re.compile(r"(?:[^\S\n]*-?[^\S\n]*(?:language|languages|speaking|speakers)\b|[^\S\n]+язык)", re.I)


def _a_language(text: str, start: int, end: int) -> bool:
    return bool(_LANGUAGE_BEFORE.search(text[max(0, start - 8) : start]) or _LANGUAGE_AFTER.match(text, end))


def find_countries(text: str) -> list[tuple[str, int, int]]:
    """(ISO code, start, end) of every country mention, longest match first where mentions overlap."""
    return [(code, start, end) for code, start, end, _confidence in _mentions(text)]


def countries_in(text: str) -> list[str]:
    """Distinct ISO codes in order of first mention."""
    return list(dict.fromkeys(code for code, _start, _end in find_countries(text)))


# "Ambassador to Spain", "посол в Испании", "سفير … لدى إسبانيا": the words before the country a title or a clause
# places someone in (where he is posted, not whom he serves).
POSTED_IN = re.compile(r"(?<!\w)(?:to|in|в|во|при|لدى)\s+(?:the\s+)?$", re.I)


def served_countries(title: str) -> list[str]:
    """The countries of a title that say whom its holder serves, not where he is posted: "Qatar's Ambassador to
    Spain" is Qatar's, "the Ambassador to Spain" says nothing of whose."""
    codes = [
        code
        for code, start, end in find_countries(title)
        # where a title ends ("Ambassador to Spain"), not a body it goes on to name ("Delegate to the Cameroonian
        # Minister of External Relations")
        if not (POSTED_IN.search(title[:start]) and not title[end:].strip(" ,.،"))
    ]
    # "نائب مدير إدارة ليبيا بوزارة الخارجية المصرية", "head of the Russia desk of the Kenyan ministry": a country
    # a unit of the service deals with is not the one it serves, when the title names that one too
    dealt = dealt_with(title)
    return list(dict.fromkeys([code for code in codes if code not in dealt] or codes))


_DEALT_WITH = re.compile(
    r"(?:إدارة|قسم|ملف|شؤون|desk|department|division|департамент\w*|отдел\w*)\s+(?:\S+\s+){0,2}(?:ال)?$", re.I
)


def dealt_with(title: str) -> set[str]:
    """The countries a unit of the service deals with ("إدارة ليبيا", "ملف التعدين الروسي", "the Russia desk"),
    which are not the one the holder of the title serves."""
    return {code for code, start, _end in find_countries(title) if _DEALT_WITH.search(title[:start])}


def extract_countries(text: str) -> list[Found]:
    """One result per country, with its first mention as evidence and the others as further evidence.

    Confidence is that of the surest mention: "Jordan" alone may be a person, "Jordan" and "Jordanian" is not.
    """
    by_code: dict[str, Found] = {}
    for code, start, end, confidence in _mentions(text):
        evidence = evidence_for(text, start, end)
        if code in by_code:
            by_code[code].extra_evidence.append(evidence)
            by_code[code].confidence = max(by_code[code].confidence, confidence)
            continue
        by_code[code] = Found("country", {"code": code, "as_written": text[start:end]}, evidence, confidence)
    for found in by_code.values():
        found.value["mentions"] = 1 + len(found.extra_evidence)
    return list(by_code.values())
