"""Who met whom, one meeting each: a sentence that tells of several meetings at once ("called on the
President, and went on to meet the Speaker"; "met the Chairman of the Senate X, the Chairman of the Committee Y
and the Chief Advisor Z")."""

from __future__ import annotations

import itertools
import re

from .base import compile_cue
from .context import Sentence
from .event_cues import BACK_REFERENCE, EVENT_KIND_PATTERNS

_ATTENDING = compile_cue(
    r"(?<!\w)(?:attend\w*|in the presence of|accompanied|joined by|присутств\w*|в присутствии|сопровожда\w*|"
    r"в составе|delegation|делегаци\w*)(?!\w)",
    re.I,
)


def met_in_turn(sentence: Sentence, match: re.Match, people: list, principal: str):
    """ "Called on the President ..., and went on to meet the Speaker", "held negotiations with A and also met
    B": each meeting verb with counterparts of its own is a meeting of its own."""
    cues = list(EVENT_KIND_PATTERNS["meeting"].finditer(sentence.text, match.start()))
    if len(cues) < 2:
        return None
    subject = next((p.name for p in people if p.start < sentence.start + match.start()), "") or principal
    bounds = [sentence.start + m.start() for m in cues] + [sentence.end]
    groups = []
    for low, high in itertools.pairwise(bounds):
        group = [p for p in people if low <= p.start < high and p.name != subject]
        if group:
            groups.append(group)
    names = [{p.name for p in group} for group in groups]
    if len(groups) < 2 or len(set().union(*names)) < sum(map(len, names)):
        return None  # one verb's counterparts ("met and discussed with X"), or the same people named again
    return groups, cues[1], subject


def office_holders(sentence: Sentence, match: re.Match, people: list, principal: str):
    """ "Met the Chairman of the Senate X, the Chairman of the European Affairs Committee Y and the advisor Z":
    three or more holders of different offices, each named with a title of their own, are met one by one (two
    are often met together: "met the Secretary of State and the National Security Advisor"). Not those
    attending a meeting, nor Arabic, whose reports list every official present with a title."""
    if BACK_REFERENCE.search(sentence.text[: match.start()]) or _ATTENDING.search(sentence.text):
        return None
    subject = next((p.name for p in people if p.start < sentence.start + match.start()), "") or principal
    others = [p for p in people if p.name != subject and p.start > sentence.start + match.start()]
    groups = one_by_one(others)
    return (groups, match, subject) if len(groups) > 1 else None


def one_by_one(people: list) -> list[list]:
    titles = [p.title.lower() for p in people]
    if len(people) < 3 or not all(titles) or len(set(titles)) < len(titles):
        return [people]
    return [[p] for p in people]
