"""Which day an event of an article falls on, when the sentence alone does not settle it: a sentence naming
two days, a dateline, a year in the background."""

from __future__ import annotations

import re

from .base import Found
from .context import DocumentContext, Sentence
from .event_cues import EVENT_KIND_PATTERNS, FORWARD

# A year as the time of what the sentence tells ("летом 2022 года", "in 2021", "عام 2019"), not a year inside a
# name ("the victims of the genocide of 1915", "the 1995 agreement").
_YEAR_WORD = re.compile(
    r"(?<!\w)(?:в|во|летом|зимой|весной|осенью|in|in the (?:summer|winter|spring|autumn|fall) of|في|عام|سنة)\s+"
    r"((?:19|20)\d\d)(?![\d.,/-]\d)",
    re.I,
)


def earlier_year(context: DocumentContext, sentence: Sentence) -> bool:
    """ "Last time he came in the summer of 2022": a sentence whose only time is a year before the article's
    own is background, as a dated one would be (a date with a day is judged by ``_long_before``)."""
    if not context.document_date or context.dates_in(sentence.start, sentence.end):
        return False
    years = [int(y) for y in _YEAR_WORD.findall(sentence.text)]
    return bool(years) and max(years) < context.document_date.year


def nearest_day(context: DocumentContext, sentence: Sentence, cue: int, dates: dict) -> dict:
    """A sentence that names two days ("arrived today and will attend, tomorrow Sunday, the meeting of ...")
    dates an event by the day written right before its cue (not by a dateline, nor by "signed on 12 February"
    told after a ceremony held today)."""
    days = [
        d
        for d in context.dates_in(sentence.start, sentence.end)
        if d.value["precision"] == "day" and not dateline_day(context, sentence, d)
    ]
    if days and _plan_told_after(context, sentence, cue, days):
        return {**dates, "start": None, "end": None, "precision": None}
    if len({d.value["start"] for d in days}) < 2 or any(d.value.get("end") for d in days):
        return dates
    just_before = [d for d in days if 0 <= cue - d.evidence.end <= 30]
    # "landed on Tuesday ..., during which he is set to hold a meeting with X on Wednesday": the plan's day
    plan = [m for m in FORWARD.finditer(sentence.text) if sentence.start + m.end() <= cue]
    after_plan = [d for d in days if plan and d.evidence.start >= sentence.start + plan[-1].end()]
    chosen = just_before[-1] if just_before else after_plan[0] if after_plan else None
    if chosen is None:
        return dates
    return {**dates, "start": chosen.value["start"], "end": None, "precision": "day"}


_DATELINE_TAIL = re.compile(r"[\s,.]*(?:\(|/|[-–—:]|\[)")


def dateline_day(context: DocumentContext, sentence: Sentence, found: Found) -> bool:
    """ "Accra, 7 December 2018 – ...": the day of the report, not of what the sentence goes on to tell."""
    return found.evidence.start - sentence.start < 60 and bool(_DATELINE_TAIL.match(context.text, found.evidence.end))


# The verb of a plan ("due to be held", "to be held", "scheduled for", "المقرر عقدها", "которое пройдет").
_PLAN_VERB = re.compile(
    r"(?<!\w)(?:(?:is |are )?(?:due|set|scheduled|expected) (?:to be held|to take place|for)|to be held|"
    r"will be held|will take place|котор\w+ (?:пройд[её]т|состоится)|"
    r"(?:المقرر|المزمع|المرتقب)\s+(?:عقد|انعقاد)\w*)(?!\w)",
    re.I,
)


def _plan_told_after(context: DocumentContext, sentence: Sentence, cue: int, days: list[Found]) -> bool:
    """ "The parties talked about preparations for the NATO Summit due to be held in Warsaw on 8 July": the
    day belongs to the event named right before the plan (the summit), not to the talks told earlier."""
    for plan in _PLAN_VERB.finditer(sentence.text):
        at = sentence.start + plan.start()
        if at <= cue or any(d.evidence.start < at for d in days):
            continue
        between = sentence.text[cue - sentence.start + 1 : plan.start()]
        if any(p.search(between) for p in EVENT_KIND_PATTERNS.values()):
            return True  # another event named between the cue and the plan: that one is planned
    return False
