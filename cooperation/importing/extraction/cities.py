"""Cities in English, Russian and Arabic, each with its country: where a visit or a meeting took place.

"received her in Riyadh", "находилась с визитом в Минске", "بالرياض" say where, and so which country hosted.
The names come from CLDR (Babel's exemplar cities of the time zones, in each language; English names are the
zone ids themselves) and the zone's country from the tz database (pytz). Capitals that name no time zone
(Abu Dhabi, Washington, Astana …) are listed below.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .countries import find_countries

# Capitals and seats of government that are not time-zone cities: (country, English, Russian, Arabic).
_MORE = (
    ("AE", "Abu Dhabi", "Абу-Даби", "أبوظبي|أبو ظبي"),
    ("AE", "Sharjah", "Шардж", "الشارقة"),
    ("US", "Washington", "Вашингтон", "واشنطن"),
    ("KZ", "Astana|Nur-Sultan", "Астан|Нур-Султан", "أستانا|نور سلطان"),
    ("IN", "New Delhi|Delhi", "Нью-Дели|Дели", "نيودلهي|نيو دلهي"),
    ("CN", "Beijing", "Пекин", "بكين"),
    ("TR", "Ankara", "Анкар", "أنقرة"),
    ("PK", "Islamabad", "Исламабад", "إسلام آباد|اسلام اباد"),
    ("MA", "Rabat", "Рабат", "الرباط"),
    ("BR", "Brasília|Brasilia", "Бразилиа", "برازيليا"),
    ("CA", "Ottawa", "Оттав", "أوتاوا"),
    ("CH", "Bern|Geneva", "Берн|Женев", "برن|جنيف"),
    ("GY", "Georgetown", "Джорджтаун", "جورجتاون"),
    ("AU", "Canberra", "Канберр", "كانبرا"),
    ("QA", "Doha", "Дох", "الدوحة"),
    ("BH", "Manama", "Манам", "المنامة"),
    ("KW", "Kuwait City", "Эль-Кувейт", "مدينة الكويت"),
    ("VN", "Hanoi", "Ханой", "هانوي"),
    ("MM", "Naypyidaw", "Нейпьидо", "نايبيداو"),
    ("NG", "Abuja", "Абудж", "أبوجا"),
    ("TZ", "Dodoma", "Додом", "دودوما"),
    ("CI", "Yamoussoukro", "Ямусукро", "ياموسوكرو"),
    ("SA", "Jeddah", "Джидд", "جدة"),
    ("EG", "New Administrative Capital|Sharm El-Sheikh", "Шарм-эш-Шейх", "العاصمة الإدارية الجديدة|شرم الشيخ"),
    ("RU", "St Petersburg|Saint Petersburg|St. Petersburg", "Санкт-Петербург", "سانت بطرسبرغ"),
    ("UZ", "Samarkand", "Самарканд", "سمرقند"),
    ("KR", "Sejong", "Седжон", "سيجونغ"),
    ("GB", "Edinburgh", "Эдинбург", "إدنبرة"),
    ("IT", "Milan", "Милан", "ميلانو"),
    ("ES", "Barcelona", "Барселон", "برشلونة"),
    ("PS", "Ramallah", "Рамалл", "رام الله"),
)
_ARABIC_PREFIX = "(?:[وبلف]|وب|ول)?"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    """(country, compiled alternation) per language, longest names first so "New Delhi" beats "Delhi"."""
    import pytz
    from babel import Locale

    zone_country = {zone: code for code, zones in pytz.country_timezones.items() for zone in zones}
    english: dict[str, str] = {}
    russian: dict[str, str] = {}
    arabic: dict[str, str] = {}
    ru_zones, ar_zones, en_zones = Locale("ru").time_zones, Locale("ar").time_zones, Locale("en").time_zones
    for zone, code in zone_country.items():
        if zone.count("/") != 1 or zone.startswith(("Antarctica/", "Etc/", "Arctic/")):
            continue
        english[en_zones.get(zone, {}).get("city") or zone.split("/")[1].replace("_", " ")] = code
        if ru_zones.get(zone, {}).get("city"):
            russian[_ru_stem(ru_zones[zone]["city"])] = code
            _NOMINATIVE[_ru_stem(ru_zones[zone]["city"])] = ru_zones[zone]["city"]
        if ar_zones.get(zone, {}).get("city"):
            arabic[ar_zones[zone]["city"]] = code
    for code, en, ru, ar in _MORE:
        english.update(dict.fromkeys(en.split("|"), code))
        russian.update(dict.fromkeys((_ru_stem(f) for f in ru.split("|")), code))
        arabic.update(dict.fromkeys(ar.split("|"), code))
    # Zones named after their country ("Pacific/Fiji", "Asia/Singapore") are the country, not a city in it: the
    # country finder reads them (a city-state's capital still gives the same country).
    for forms in (english, arabic):
        for form in [f for f in forms if (hits := find_countries(f)) and hits[0][1] == 0 and hits[0][2] == len(f)]:
            del forms[form]
    # Datelines write the city in capitals: "ABU DHABI, 5th March".
    english.update({name.upper(): code for name, code in english.items()})
    russian.update({name.upper(): code for name, code in russian.items()})  # "МОСКВА, 10 октября. /ТАСС/."
    # One alternation per language without groups (hundreds of named groups make the regex slow); the
    # matched text is looked up afterwards, Russian by its stem and Arabic without its attached prefix.
    compiled = []
    for forms, template in (
        (english, r"(?<![\w-])(?:{})(?![\w-])"),
        # a case ending, not any letters: "Берне", "Москвой", "Минском", but not "Бернард"
        (russian, r"(?<![\w-])(?:{})(?:[аеёиоуыэюяь](?:[мхйю]|ми)?)?(?![\w-])"),
        (arabic, rf"(?<![\w]){_ARABIC_PREFIX}(?:{{}})(?![\w])"),
    ):
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        compiled.append((forms, re.compile(template.format(alternation))))
    return compiled


def _ru_stem(name: str) -> str:
    """ "Минск" stays, "Москва" -> "Москв", "Эр-Рияд" stays: the stem takes any case ending after it."""
    return name[:-1] if len(name) > 4 and name[-1] in "аяйьео" else name


def find_cities(text: str) -> list[tuple[str, str, int, int]]:
    """(country, city as written, start, end) of every city mention in ``text``, in text order."""
    hits = []
    for forms, pattern in _patterns():
        for match in pattern.finditer(text):
            code = _lookup(forms, match.group(0))
            if code:
                hits.append((code, match.group(0), match.start(), match.end()))
    return sorted(hits, key=lambda hit: hit[2])


# A Russian city's stem and its name in the nominative, as CLDR writes it ("Минск", "Москва"): "в Минске"
# and "Москвы" are recorded as the city's name, not as the article declined it. Filled by ``_patterns``.
_NOMINATIVE: dict[str, str] = {}


def city_name(written: str) -> str:
    """The city as a record names it: a dateline's capitals in title case, a Russian case ending undone."""
    if written.isupper():
        written = written.title()
    written = re.sub(r"^(?:و?[بل])(?=ال)", "", written)  # "بالقاهرة", "وبالرياض": the preposition is the sentence's
    _patterns()
    for cut in range(4):
        stem = written[: len(written) - cut]
        if stem in _NOMINATIVE:
            return _NOMINATIVE[stem]
    return written


def _lookup(forms: dict[str, str], written: str) -> str:
    for cut in range(4):  # a Russian case ending, or an Arabic prefix
        for candidate in (written[: len(written) - cut], written[cut:]):
            if candidate in forms:
                return forms[candidate]
    return ""
