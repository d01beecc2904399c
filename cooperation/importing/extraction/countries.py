"""Countries from names, adjectives and demonyms in English, Russian and Arabic, in any grammatical form.

Russian forms are matched on stems ("белорус" covers белорусской, белорусских, Беларусь, Беларуси); Arabic
forms allow the attached prefixes و/ب/ل/ال and the relative-adjective endings (الإماراتي، الإماراتية).
"""

from __future__ import annotations

import re

from .base import Found, evidence_for

# ISO code -> (English patterns, Russian stems/patterns, Arabic patterns). Patterns are regular expressions.
COUNTRY_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "AE": (
        ("United Arab Emirates", "UAE", "U\\.A\\.E\\.", "Emirati(?:s)?", "the Emirates"),
        ("ОАЭ", "Объедин[её]нн\\w* Арабск\\w* Эмират\\w*", "эмиратск\\w*", "Эмират\\w*"),
        ("الإمارات(?: العربية المتحدة)?", "الامارات", "إماراتي\\w*", "الإماراتي\\w*"),
    ),
    "BY": (
        ("Belarus", "Belarusian(?:s)?", "Byelorussia"),
        ("Беларус\\w*", "Белорусси\\w*", "белорус\\w*"),
        ("بيلاروس\\w*", "روسيا البيضاء", "البيلاروسي\\w*"),
    ),
    "KZ": (
        ("Kazakhstan(?:i|is)?", "Kazakh(?:s)?"),
        ("Казахстан\\w*", "казахстанск\\w*", "казахск\\w*"),
        ("كازاخستان\\w*", "الكازاخ\\w*"),
    ),
    "KR": (
        ("Republic of Korea", "South Korea(?:n|ns)?", "Korea(?:n|ns)?"),
        ("Республик\\w* Коре\\w*", "Южн\\w* Коре\\w*", "Коре[яиюейя]\\w*", "корейск\\w*"),
        ("كوريا الجنوبية", "كوريا", "الكوري\\w*", "كوري(?:ة|ون|ين)?"),
    ),
    "KG": (
        ("Kyrgyz Republic", "Kyrgyzstan", "Kyrgyz"),
        ("Кыргыз\\w*", "Киргиз\\w*", "кыргызск\\w*"),
        ("قيرغيزستان", "قرغيزستان"),
    ),
    "TJ": (("Tajikistan", "Tajik(?:s)?"), ("Таджикистан\\w*", "таджикск\\w*"), ("طاجيكستان",)),
    "UZ": (("Uzbekistan", "Uzbek(?:s)?"), ("Узбекистан\\w*", "узбекск\\w*"), ("أوزبكستان", "اوزبكستان")),
    "AM": (("Armenia(?:n|ns)?",), ("Армени\\w*", "армянск\\w*"), ("أرمينيا",)),
    "AZ": (("Azerbaijan(?:i|is)?",), ("Азербайджан\\w*", "азербайджанск\\w*"), ("أذربيجان",)),
    "GE": (("Georgia(?:n|ns)?",), ("Грузи\\w*", "грузинск\\w*"), ("جورجيا",)),
    "BD": (("Bangladesh(?:i)?",), ("Бангладеш\\w*",), ("بنغلاديش",)),
    "KH": (("Cambodia(?:n)?",), ("Камбодж\\w*",), ("كمبوديا",)),
    "LA": (("Lao PDR", "Laos", "Lao"), ("Лаос\\w*",), ("لاوس",)),
    "MN": (("Mongolia(?:n)?",), ("Монголи\\w*", "монгольск\\w*"), ("منغوليا",)),
    "PH": (("Philippines", "Filipino"), ("Филиппин\\w*",), ("الفلبين",)),
    "RU": (("Russia(?:n|ns)?", "Russian Federation"), ("Росси[яиюй]\\w*", "российск\\w*"), ("روسيا", "الروسي\\w*")),
    "SA": (("Saudi Arabia", "Saudi"), ("Саудовск\\w* Арави\\w*",), ("السعودية", "السعودي\\w*")),
    "EG": (("Egypt(?:ian)?",), ("Егип\\w*",), ("مصر", "المصري\\w*")),
    "JO": (("Jordan(?:ian)?",), ("Иордани\\w*",), ("الأردن",)),
    "CN": (("China", "Chinese"), ("Кита[йяею]\\w*", "китайск\\w*"), ("الصين", "الصيني\\w*")),
    "IN": (("India(?:n)?",), ("Инди[яиюей]\\w*", "индийск\\w*"), ("الهند", "الهندي\\w*")),
    "FR": (("France", "French"), ("Франци\\w*", "французск\\w*"), ("فرنسا", "الفرنسي\\w*")),
    "GB": (
        ("United Kingdom", "Britain", "British"),
        ("Великобритани\\w*", "британск\\w*"),
        ("المملكة المتحدة", "بريطانيا"),
    ),
    "US": (("United States", "USA", "American"), ("США", "Соедин[её]нн\\w* Штат\\w*"), ("الولايات المتحدة",)),
}

# Names that are countries in one context and not another: "Georgia" the US state is rare in this genre,
# but "Jordan" and "Chinese" are common enough in names/food/etc. that they are slightly less certain.
_LESS_CERTAIN = {"GE": 0.8, "JO": 0.7, "IN": 0.8}
_ARABIC_PREFIX = "(?:[وبلف]|وب|ول)?"


def _compile() -> list[tuple[str, str, re.Pattern]]:
    compiled = []
    for code, (english, russian, arabic) in COUNTRY_FORMS.items():
        compiled.append((code, "en", re.compile(rf"(?<![\w-])(?:{'|'.join(english)})(?![\w-])")))
        compiled.append((code, "ru", re.compile(rf"(?<![\w-])(?:{'|'.join(russian)})(?![\w-])", re.IGNORECASE)))
        compiled.append((code, "ar", re.compile(rf"(?<![\w]){_ARABIC_PREFIX}(?:{'|'.join(arabic)})(?![\w])")))
    return compiled


_COMPILED = _compile()


def find_countries(text: str) -> list[tuple[str, int, int]]:
    """(ISO code, start, end) of every country mention, longest match first where mentions overlap."""
    hits: list[tuple[str, int, int]] = []
    for code, _language, pattern in _COMPILED:
        for match in pattern.finditer(text):
            hits.append((code, match.start(), match.end()))
    hits.sort(key=lambda hit: (hit[1], -(hit[2] - hit[1])))
    kept: list[tuple[str, int, int]] = []
    for hit in hits:
        if kept and hit[1] < kept[-1][2]:
            continue
        kept.append(hit)
    return kept


def countries_in(text: str) -> list[str]:
    """Distinct ISO codes in order of first mention."""
    seen: list[str] = []
    for code, _start, _end in find_countries(text):
        if code not in seen:
            seen.append(code)
    return seen


def extract_countries(text: str) -> list[Found]:
    """One result per country, with its first mention as evidence and the others as further evidence."""
    by_code: dict[str, Found] = {}
    for code, start, end in find_countries(text):
        evidence = evidence_for(text, start, end)
        if code in by_code:
            by_code[code].extra_evidence.append(evidence)
            continue
        by_code[code] = Found(
            "country", {"code": code, "as_written": text[start:end]}, evidence, _LESS_CERTAIN.get(code, 0.95)
        )
    for found in by_code.values():
        found.value["mentions"] = 1 + len(found.extra_evidence)
    return list(by_code.values())
