"""Pieces every delegation reading shares (``visits.py``, ``visit_abroad.py``): one sentence's reading as a
record, its date, the places a sentence names, and whether the visit it tells took place."""

from __future__ import annotations

import re

from .base import Found, compile_cue, evidence_for
from .context import DocumentContext, Sentence
from .cues import NOT_HAPPENING
from .visit_cues import FUTURE_NEAR, SCHEDULED_VISIT, VISIT


def reading(
    context: DocumentContext, sentence: Sentence, anchor: re.Match, origin: str, host: str, head: str, *, confidence
) -> Found:
    """One sentence's reading of a visit; members, host officials and the city are filled once merged."""
    start = sentence.start + anchor.start()
    value = {
        "origin_country": origin,
        "host_country": host,
        "city": "",
        "head": head,
        "members": [],
        "host_officials": [],
        "title": sentence.text.strip()[:200],
        **date_of(context, sentence),
    }
    return Found("delegation", value, evidence_for(context.text, start, start + len(anchor.group(0))), confidence)


_MISSION_IN = compile_cue(
    r"(?:embassy|consulate|mission|посольств\w*|консульств\w*|سفارة|قنصلية)\s+(?:\S+\s+){0,2}(?:in|at|в|во|في|ب)\s*$",
    re.I,
)


def place_cities(context: DocumentContext, sentence: Sentence, after: int = 0) -> list[tuple[str, str, int, int]]:
    """The sentence's cities, the dateline last: "TEHRAN – X landed in Dushanbe" took place in Dushanbe; those
    after the word for the visit first ("представители Пекина побывают на предприятиях Минска")."""
    # "to consider opening an embassy in Kathmandu": where a mission sits or would sit, not where anyone went
    cities = [
        c
        for c in context.cities_in(sentence.start, sentence.end)
        if not _MISSION_IN.search(context.text, max(0, c[2] - 40), c[2])
    ]
    dateline = context.dateline_city
    cities = [c for c in cities if c != dateline] + [c for c in cities if c == dateline]
    return [c for c in cities if c[2] >= after] + [c for c in cities if c[2] < after]


def visit_at(sentence: Sentence) -> int:
    visit = VISIT.search(sentence.text)
    return sentence.start + visit.start() if visit else 0


def not_happening(sentence: Sentence, cue: re.Match, *, scheduled_ok: bool = False) -> bool:
    """The future or a wish next to the cue. A visit named as scheduled ("the upcoming visit of President X to
    Tajikistan", "предстоящий визит") is a visit all the same: the report names who goes where."""
    window = sentence.text[max(0, cue.start() - 45) : cue.end() + 30]
    if scheduled_ok and SCHEDULED_VISIT.search(window):
        return False
    return bool(NOT_HAPPENING.search(window) or FUTURE_NEAR.search(window))


# A date at the head of a paragraph followed by the agency's mark is the dateline: the day of the report.
_DATELINE_TAIL = compile_cue(r"[\s,.]*(?:\(|/|[-–—:]|\[)")


def date_of(context: DocumentContext, sentence: Sentence) -> dict:
    dates = context.dates_in(sentence.start, sentence.end)
    if (
        len(dates) > 1
        and _DATELINE_TAIL.match(context.text, dates[0].evidence.end)
        and (dates[0].evidence.start - sentence.start < 60)
    ):
        dates = dates[1:]
    if dates:
        best = max(dates, key=lambda d: (bool(d.value.get("end")), d.value["precision"] == "day"))
        return {k: best.value[k] for k in ("start", "end", "precision")} | {"date_in_sentence": True}
    return {"start": None, "end": None, "precision": None, "date_in_sentence": False}
