"""Dates and date ranges as press releases write them, in English, Russian and Arabic.

dateparser keeps one end of a range and fills a missing year from today; a record of a 2023 visit must not
turn into 2026 because it was imported in 2026. So ranges are parsed here, and a missing year comes from the
text itself (the nearest year written before the date, or the document's own date), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cooperation.dates import DatePrecision

from .base import Found, evidence_for, sentence_bounds
from .event_cues import FORWARD

_MONTHS: dict[str, int] = {}
# The Maghreb writes the French month names (جانفي, فيفري, أفريل, جوان, جويلية, أوت); Russian sites abbreviate
# ("04 фев 2024"; not "сен", "дек", "мар", "апр", which begin common words: "10 сенаторов", "3 декрета").
for number, forms in enumerate(
    [
        ("january", "jan", "январ", "янв", "يناير", "كانون الثاني", "جانفي"),
        ("february", "feb", "феврал", "фев", "فبراير", "شباط", "فيفري"),
        ("march", "mar", "март", "مارس", "آذار"),
        ("april", "apr", "апрел", "أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
        ("may", "ма[йяе]", "مايو", "أيار"),
        ("june", "jun", "июн", "يونيو", "حزيران", "جوان"),
        ("july", "jul", "июл", "يوليو", "تموز", "جويلية"),
        ("august", "aug", "август", "авг", "أغسطس", "آب", "أوت"),
        ("september", "sept", "sep", "сентябр", "سبتمبر", "أيلول"),
        ("october", "oct", "октябр", "окт", "أكتوبر", "اكتوبر", "تشرين الأول"),
        ("november", "nov", "ноябр", "ноя", "نوفمبر", "تشرين الثاني"),
        ("december", "dec", "декабр", "ديسمبر", "كانون الأول"),
    ],
    start=1,
):
    for form in forms:
        _MONTHS[form] = number

# Longest first so "تشرين الأول" wins over a shorter prefix; Russian stems take any case ending.
_MONTH_ALTERNATION = "|".join(
    (f"{form}[а-яё]*" if re.match("[а-я]", form) else re.escape(form) if "[" not in form else form)
    for form in sorted(_MONTHS, key=len, reverse=True)
)
# "Jan. 29": an English abbreviation may carry its period (the name group stays the bare word).
_MONTH = (
    rf"(?P<{{name}}>(?<![\w])(?:{_MONTH_ALTERNATION})(?:/(?:{_MONTH_ALTERNATION}))?(?![a-z]))(?:(?<=[a-z])\.(?=\s+\d))?"
)
_DASH = r"\s*(?:[-–—‒]|to|по|до|إلى|الى|و)\s*"
_DAY = r"(?<![\d٠-٩])(?P<{name}>[0-3]?\d|[٠-٣]?[٠-٩])(?:st|nd|rd|th)?(?![\d٠-٩])"
_YEAR = r"(?P<{name}>(?:19|20)\d\d|[١٢][٠٩][٠-٩][٠-٩])"
_YEAR_SUFFIX = r"(?:\s*(?:г\.|года|году|гг\.|م))?"


def _p(template: str, name: str) -> str:
    return template.replace("{name}", name)


# Order matters: the longest forms (ranges with a year) are tried first; overlapping shorter ones are dropped.
_PATTERNS = [
    # 14 – 17 октября 2025 г. / 3-5 February 2025 / from 15 to 17 May / من 15 إلى 17 مايو
    re.compile(
        rf"(?:from\s+|с\s+|من\s+)?{_p(_DAY, 'd1')}{_DASH}{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm2')}"
        rf"(?:,?\s+{_p(_YEAR, 'y2')}{_YEAR_SUFFIX})?",
        re.IGNORECASE,
    ),
    # 28 сентября – 2 октября 2025 г. / 30 April to 2 May 2024
    re.compile(
        rf"(?:from\s+|с\s+|من\s+)?{_p(_DAY, 'd1')}\s+{_p(_MONTH, 'm1')}{_DASH}{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm2')}"
        rf"(?:,?\s+{_p(_YEAR, 'y2')}{_YEAR_SUFFIX})?",
        re.IGNORECASE,
    ),
    # February 3-5, 2025 / May 15 to 17 / from October 15 to 26 in 2018
    re.compile(
        rf"{_p(_MONTH, 'm2')}\s+{_p(_DAY, 'd1')}{_DASH}{_p(_DAY, 'd2')}(?:,?\s+(?:in\s+)?{_p(_YEAR, 'y2')})?",
        re.IGNORECASE,
    ),
    # 2022 Sep 22 (the dateline order of some Asian agencies' sites)
    re.compile(rf"(?<![\d-]){_p(_YEAR, 'y2')},?\s+{_p(_MONTH, 'm2')}\s+{_p(_DAY, 'd2')}(?![\d:-])", re.IGNORECASE),
    # 28 января 2026 г. / 3 February 2025 / 15 مايو 2024
    re.compile(rf"{_p(_DAY, 'd2')}\s+{_p(_MONTH, 'm2')}(?:,?\s+{_p(_YEAR, 'y2')}{_YEAR_SUFFIX})?", re.IGNORECASE),
    # May 15, 2024
    re.compile(rf"{_p(_MONTH, 'm2')}\s+{_p(_DAY, 'd2')}(?:,\s+{_p(_YEAR, 'y2')})?(?!\d)", re.IGNORECASE),
    # октябре 2025 г. / October 2025 / أكتوبر 2023 / أكتوبر/تشرين الأول الماضي
    re.compile(rf"{_p(_MONTH, 'm2')}\s*(?:,?\s*{_p(_YEAR, 'y2')}{_YEAR_SUFFIX}|(?P<last>\s+الماضي|\s+last))", re.I),
]
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@dataclass(frozen=True)
class FoundDate:
    start: dt.date | None
    end: dt.date | None
    precision: str
    year_source: str  # "text" (written with the date), "context" (elsewhere in the text), "document", "unknown"
    day_start: int | None
    month: int
    day_end: int | None
    year: int | None


def _month_number(word: str) -> int | None:
    word = word.split("/")[0].lower()
    for form, number in _MONTHS.items():
        if re.fullmatch(f"{form}[а-яё]*" if re.match("[а-я]", form) else form, word):
            return number
    return None


def _int(value: str | None) -> int | None:
    return int(value.translate(_ARABIC_DIGITS)) if value else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def extract_dates(text: str, *, document_date: dt.date | None = None) -> list[Found]:
    """Every date and range in ``text``; the year comes from the text or ``document_date``, never today."""
    taken: list[tuple[int, int]] = []
    found: list[Found] = _ordinal_dates(text, taken, document_date)  # before "مايو 2024" takes the month alone
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            groups = match.groupdict()
            month = _month_number(groups.get("m2") or "")
            month1 = _month_number(groups["m1"]) if groups.get("m1") else month
            if month is None or month1 is None:
                continue
            d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
            if (d1 is not None and not 1 <= d1 <= 31) or (d2 is not None and not 1 <= d2 <= 31):
                taken.append((start, end))  # "31 February 2024" is no date, and not "February 2024" either
                continue
            year, year_source = _int(groups.get("y2")), "text"
            if year is None:
                year, year_source = _infer_year(
                    text, start, month=month, document_date=document_date, last=bool(groups.get("last"))
                )
            value = _value(year=year, month1=month1, month=month, d1=d1, d2=d2, year_source=year_source)
            if value is None:
                taken.append((start, end))
                continue
            taken.append((start, end))
            # A date without any year cannot become a record's date, so it is a weak candidate.
            confidence = {"text": 0.95, "document": 0.8, "context": 0.75, "unknown": 0.4}[year_source]
            found.append(Found("date", value, evidence_for(text, start, end), confidence))
    found.extend(_numeric_dates(text, taken))
    if document_date is not None:
        found.extend(_relative_dates(text, document_date, taken))
    found.sort(key=lambda f: f.evidence.start)
    return found


# "06.04.23", "6.4.2023", "06/04/2023" (day first, as in Russian and Arabic news), "2023-04-06".
_NUMERIC = re.compile(
    r"(?<![\d.,/-])(?:(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)?\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    # "06-09-2014": Arabic sites write the day first with dashes too (only with a full year: "3-5" is a range)
    r"|(?P<dd>[0-3]?\d)-(?P<dm>[01]?\d)-(?P<dy>(?:19|20)\d\d))"
    r"(?![\d.,/-]\d)"
)


def _numeric_dates(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    found = []
    for match in _NUMERIC.finditer(text.translate(_ARABIC_DIGITS)):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        year = int(match.group("y") or match.group("iy") or match.group("dy"))
        year = year + 2000 if year < 100 else year
        month = int(match.group("m") or match.group("im") or match.group("dm"))
        day = int(match.group("d") or match.group("id") or match.group("dd"))
        if _safe_date(year, month, day) is None:
            continue
        taken.append((start, end))
        value = _value(year=year, month1=month, month=month, d1=None, d2=day, year_source="text")
        found.append(Found("date", value, evidence_for(text, start, end), 0.9))
    return found


# Arabic news also writes the day as an ordinal word: "صباح التاسع من مارس", "في الحادي والعشرين من مايو 2024"
# (not "النصف الثاني من مارس", the second half of March).
_ORDINAL_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")
_ORDINAL = re.compile(
    r"(?<!\w)(?<!النصف )(?<!الأسبوع )(?<!العشر )"
    r"(?:(?P<unit>الأول|" + "|".join(_ORDINAL_UNITS) + r")(?P<tens> عشر| والعشرين| والثلاثين)?|"
    r"(?P<round>العشرين|الثلاثين)) من (?P<month>" + _MONTH_ALTERNATION + r")(?:,?\s+(?P<year>(?:19|20)\d\d))?(?!\w)"
)


def _ordinal_dates(text: str, taken: list[tuple[int, int]], document_date: dt.date | None) -> list[Found]:
    found = []
    for match in _ORDINAL.finditer(text.translate(_ARABIC_DIGITS)):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if match.group("round"):
            day = 20 if match.group("round") == "العشرين" else 30
        else:
            unit = match.group("unit")
            day = 1 if unit == "الأول" else _ORDINAL_UNITS.index(unit) + 1
            day += {" عشر": 10, " والعشرين": 20, " والثلاثين": 30}.get(match.group("tens") or "", 0)
        month = _month_number(match.group("month"))
        if month is None or not 1 <= day <= 31:
            continue
        year, year_source = (int(match.group("year")), "text") if match.group("year") else (None, "")
        if year is None:
            year, year_source = _infer_year(text, start, month=month, document_date=document_date, last=False)
        value = _value(year=year, month1=month, month=month, d1=None, d2=day, year_source=year_source)
        if value is None:
            continue
        taken.append((start, end))
        found.append(Found("date", value, evidence_for(text, start, end), 0.8))
    return found


# "today", "yesterday" and a weekday name ("on Tuesday") in news are days of the article's own week: a
# weekday is the last such day on or before the article's date (reports tell what happened).
_WEEKDAYS = (
    ("monday", "понедельник", "الاثنين", "الإثنين"),
    ("tuesday", "вторник", "الثلاثاء"),
    ("wednesday", "сред[ау]", "الأربعاء", "الاربعاء"),
    ("thursday", "четверг", "الخميس"),
    ("friday", "пятниц[ау]", "الجمعة"),
    ("saturday", "суббот[ау]", "السبت"),
    ("sunday", "воскресенье", "الأحد", "الاحد"),
)
WEEKDAY_ALTERNATION = "|".join(f for forms in _WEEKDAYS for f in forms)
# "Tomorrow, Sunday" / "غداً الأحد": the day after the article's date, whatever weekday is named with it.
_RELATIVE = re.compile(
    # "اليوم التالي" is the next day, "اليوم الوطني" a national day: "اليوم" is today alone or with a weekday
    r"(?<!\w)(?:(?P<today>today|сегодня|اليوم(?!\s+ال(?!أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)\w))|(?P<yesterday>yesterday|вчера|أمس|امس)"
    r"|(?P<tomorrow>tomorrow|завтра|غداً|غدا)(?:,?\s+(?:on\s+|во?\s+|يوم\s+)?(?:" + WEEKDAY_ALTERNATION + r"))?"
    r"|(?:on\s+|во?\s+|يوم\s+|(?=ال))(?P<weekday>" + WEEKDAY_ALTERNATION + r"))(?!\w)",
    re.IGNORECASE,
)


_BRACKET_AFTER = re.compile(r"\s*\(")


def _relative_dates(text: str, document_date: dt.date, taken: list[tuple[int, int]]) -> list[Found]:
    found = []
    for match in _RELATIVE.finditer(text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        bracket = _BRACKET_AFTER.match(text, end)
        if bracket and any(bracket.end() <= t_start <= bracket.end() + 12 for t_start, _t_end in taken):
            continue  # "أمس (الأحد 21 مارس 2021)", "yesterday (21 March)": the written date says which day
        if match.group("today"):
            day = document_date
        elif match.group("yesterday"):
            day = document_date - dt.timedelta(days=1)
        elif match.group("tomorrow"):
            day = document_date + dt.timedelta(days=1)
        else:
            word = match.group("weekday").lower()
            weekday = next(i for i, forms in enumerate(_WEEKDAYS) if any(re.fullmatch(f, word) for f in forms))
            day = document_date - dt.timedelta(days=(document_date.weekday() - weekday) % 7)
            # "ومن المقرر أن يعقد الوفد يوم الاثنين", "В понедельник состоятся переговоры": the coming Monday
            sentence_start, sentence_end = sentence_bounds(text, start, end)
            if day < document_date and FORWARD.search(text, sentence_start, min(sentence_end, end + 30)):
                day += dt.timedelta(days=7)  # the verb that follows the weekday stands a few words on
        value = _value(year=day.year, month1=day.month, month=day.month, d1=None, d2=day.day, year_source="document")
        found.append(Found("date", value, evidence_for(text, start, end), 0.7))
    return found


def _value(*, year, month1, month, d1, d2, year_source) -> dict | None:
    precision = DatePrecision.DAY if d2 is not None else DatePrecision.MONTH
    value = {
        "text_year": year,
        "precision": str(precision),
        "year_source": year_source,
        "start": None,
        "end": None,
        "month": month,
        "day": d2 if d1 is None else d1,
    }
    if year is None:
        return value
    if precision == DatePrecision.MONTH:
        value["start"] = dt.date(year, month, 1).isoformat()
        return value
    start_year = year - 1 if month1 > month else year  # "28 December – 3 January 2025"
    first = _safe_date(start_year, month1, d1 if d1 is not None else d2)
    last = _safe_date(year, month, d2)
    if first is None or last is None or last < first:
        return None
    value["start"] = first.isoformat()
    value["end"] = last.isoformat() if last != first else None
    return value


def _infer_year(
    text: str, position: int, *, month: int, document_date: dt.date | None, last: bool
) -> tuple[int | None, str]:
    if document_date is not None:
        if last:  # "last October" written in a document dated February 2023 means October 2022
            return (document_date.year if month < document_date.month else document_date.year - 1), "document"
        return document_date.year, "document"
    # The closest year written before the date ("... 2024 programme ... from 15 to 17 May"), else after it; a year
    # the text looks back to ("no president had visited since 1986", "с 1992 года", "منذ عام 1986") is history,
    # not the year of the events it reports.
    years = [
        y
        for y in _ANY_YEAR.finditer(text)
        if not _SINCE.search(text, max(0, y.start() - 16), y.start())
        and not _UNTIL.search(text, max(0, y.start() - 16), y.start())
        # "(1973 - 2023)", "the 2025-2027 plan": a span of years, an anniversary or a plan's term
        and not _YEAR_SPAN.match(text, y.end())
        and not _YEAR_SPAN_BEFORE.search(text, max(0, y.start() - 8), y.start())
    ]
    before = [y for y in years if y.start() < position]
    after = [y for y in years if y.start() >= position]
    for candidate in (before[-1:], after[:1]):
        if candidate:
            year = int(candidate[0].group(1))
            return (year - 1 if last else year), "context"
    return None, "unknown"


# "extends the MoU until 2028", "a plan to 2030", "продлен до 2028 года", "حتى عام 2028": how long something runs or a
# target, not the year of the events reported.
_UNTIL = re.compile(
    r"(?<!\w)(?:until|till|to|through|by|до|по|حتى|لغاية)\s+(?:(?:the\s+)?(?:end\s+of\s+)?(?:year\s+)?|عام\s+|العام\s+)?$",
    re.IGNORECASE,
)
_YEAR_SPAN = re.compile(r"\s*[-–—]\s*(?:19|20)\d\d(?!\d)")
_YEAR_SPAN_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—]\s*$")
_SINCE = re.compile(r"(?<!\w)(?:since|с|со|منذ)\s+(?:(?:the\s+)?year\s+|عام\s+|العام\s+)?$", re.IGNORECASE)


def document_date_from_text(text: str, *, dateline_only: bool = False) -> dt.date | None:
    """The document's own date when the text states one near its start (a dateline or a first full date).

    With ``dateline_only``, only a date that opens its line or stands on a short line of its own ("Kuala Lumpur,
    25 November 2013", "TASHKENT, 18 April 2014. /UzA/."): that is the day the report calls "today", whatever
    date the officer typed at upload (often the day it was published, a day later)."""
    head = text[:600]
    for found in extract_dates(head):
        value = found.value
        if value["year_source"] != "text" or value["precision"] != DatePrecision.DAY or not value["start"]:
            continue
        if dateline_only and not _is_dateline(head, found.evidence.start, found.evidence.end):
            continue
        return _month_first_if_weekday_says(text, found, dt.date.fromisoformat(value["start"]))
    return None


def _is_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return len(line.strip()) <= 60 or start - line_start <= 40


# "today, Friday" / "اليوم الجمعة" / "сегодня, в пятницу": the weekday the report itself gives its own day.
_TODAY_WEEKDAY = re.compile(
    r"(?<!\w)(?:today|сегодня|اليوم)[,،]?\s+(?:on\s+|во?\s+)?(?P<weekday>" + WEEKDAY_ALTERNATION + r")(?!\w)",
    re.IGNORECASE,
)


def _month_first_if_weekday_says(text: str, found: Found, day: dt.date) -> dt.date:
    """ "11/10/2023" is read day first, yet some sites write the month first; when the report calls its day
    "today, Friday" and only the month-first reading is a Friday, that reading is the report's date."""
    written = text[found.evidence.start : found.evidence.end].translate(_ARABIC_DIGITS)
    if not re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", written) or day.day > 12 or day.day == day.month:
        return day
    said = _TODAY_WEEKDAY.search(text, 0, 3000)
    swapped = _safe_date(day.year, day.day, day.month)
    if not said or swapped is None:
        return day
    word = said.group("weekday").lower()
    weekday = next(i for i, forms in enumerate(_WEEKDAYS) if any(re.fullmatch(f, word) for f in forms))
    return swapped if day.weekday() != weekday and swapped.weekday() == weekday else day
