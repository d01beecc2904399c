"""Extraction quality against gold annotations: precision and recall per language and per record kind.

Used by ``bench/extraction_eval.py`` (``make eval`` prints the figures) and by the tests (which hold floors).

Matching rules (one-to-one: each gold item is matched by at most one extracted item and vice versa, as many
pairs as the rule allows -- a maximum matching, so that an undated gold meeting cannot take the extracted
meeting a dated gold one needed; among equally many pairs, the closer ones: a delegation with the gold head, an
event with the gold date):

- **people**: the same person when ``name_score`` of the extracted forms against the gold name is >= 85
  (the matcher staff use: transliteration-aware, absorbs Russian case endings, initials fit given names);
- **delegations**: origin country and host country both equal the gold delegation's;
- **heads**: of the delegations matched above, the extracted head is the gold head (same person rule);
  precision counts the extracted delegations that name a head, recall the gold ones that have one;
- **agreements**: the set of party countries equals the gold set (organisation parties are not scored);
- **events**: same kind, and the extracted start date equals the gold date when gold gives one;
- **programmes**: beneficiary country equal, and provider equal when gold names a provider country.

- **dates** (older gold only): start, end and precision equal.

A kind that a gold file does not annotate (the seeds' older gold has people only) is not scored there.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extraction import extract_all
from .matching import name_score
from .text import read_text

SAME_PERSON = 85
REPO = Path(__file__).resolve().parents[2]


def seeds_dir() -> Path | None:
    """The five seed articles (not in the repository): ``../shared/seeds`` beside the clone, as in CI, or
    /work/shared/seeds on the development machine for a clone made anywhere else."""
    for candidate in (REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


KINDS = ("people", "delegations", "heads", "agreements", "events", "programmes")


@dataclass
class KindScore:
    found: int = 0
    gold: int = 0
    true_found: int = 0  # extracted items that match a gold item
    true_gold: int = 0  # gold items matched by an extracted item
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_gold / self.gold if self.gold else 1.0

    def add(self, other: KindScore) -> None:
        self.found += other.found
        self.gold += other.gold
        self.true_found += other.true_found
        self.true_gold += other.true_gold


@dataclass
class DocumentScore:
    name: str
    language: str
    seconds: float
    kinds: dict[str, KindScore]


def same_person(forms: Iterable[str], gold_name: str) -> bool:
    forms = [f for f in forms if f]
    return bool(forms) and bool(gold_name) and name_score(forms, [gold_name]) >= SAME_PERSON


def _pair(
    found: list[Any],
    gold: list[Any],
    same: Callable[[Any, Any], bool],
    *,
    show_found,
    show_gold,
    closer: Callable[[Any, Any], bool] | None = None,
) -> tuple[KindScore, list[tuple[Any, Any]]]:
    """The most one-to-one pairs ``same`` allows, by augmenting paths (a document has a few dozen items at most):
    first among the closer pairs only, then among all, where an item already in a closer pair may only move to
    another closer one. Ties go in document order."""
    score = KindScore(found=len(found), gold=len(gold))
    allowed = [[i for i, g in enumerate(gold) if same(f, g)] for f in found]
    near = [[i for i in options if closer and closer(found[n], gold[i])] for n, options in enumerate(allowed)]
    owner: dict[int, int] = {}  # gold index -> the index of the extracted item paired with it
    partner: dict[int, int] = {}  # the reverse

    def place(item: int, seen: set[int], edges: list[list[int]]) -> bool:
        options = near[item] if partner.get(item) in near[item] else edges[item]
        for i in options:
            if i not in seen:
                seen.add(i)
                if i not in owner or place(owner[i], seen, edges):
                    owner[i], partner[item] = item, i
                    return True
        return False

    for edges in (near, allowed):
        for item in range(len(found)):
            if item not in partner:
                place(item, set(), edges)
    pairs = [(found[item], gold[partner[item]]) for item in range(len(found)) if item in partner]
    score.spurious = [show_found(f) for item, f in enumerate(found) if item not in partner]
    score.true_found = score.true_gold = len(pairs)
    score.missed = [show_gold(g) for i, g in enumerate(gold) if i not in owner]
    return score, pairs


def _person_forms(value: dict[str, Any]) -> list[str]:
    return [value.get("normal", ""), value.get("name", ""), *value.get("forms", [])]


def _countries(codes: Iterable[Any]) -> frozenset[str]:
    return frozenset(c for c in codes if isinstance(c, str) and len(c) == 2 and c.isupper())


def score_extraction(result: dict[str, Any], gold: dict[str, Any]) -> dict[str, KindScore]:
    """Scores of one document's extraction against its gold, for every kind the gold annotates."""
    values = {
        section: [item["value"] for item in items] for section, items in result.items() if isinstance(items, list)
    }
    scores: dict[str, KindScore] = {}

    scores["people"], _pairs = _pair(
        values["people"],
        gold.get("people", []),
        lambda f, g: same_person(_person_forms(f), g["name"]),
        show_found=lambda f: f["normal"],
        show_gold=lambda g: g["name"],
    )
    if "delegations" in gold:
        scores["delegations"], pairs = _pair(
            values["delegations"],
            gold["delegations"],
            lambda f, g: (f.get("origin_country"), f.get("host_country")) == (g.get("origin"), g.get("host")),
            show_found=lambda f: f"{f.get('origin_country')}→{f.get('host_country') or '?'}",
            show_gold=lambda g: f"{g.get('origin')}→{g.get('host')}",
            closer=lambda f, g: bool(f.get("head") and g.get("head") and same_person([f["head"]], g["head"])),
        )
        heads = KindScore(
            found=sum(1 for f in values["delegations"] if f.get("head")),
            gold=sum(1 for g in gold["delegations"] if g.get("head")),
        )
        right: set[int] = set()  # the extracted delegations whose head is the gold head
        for f, g in pairs:
            if g.get("head") and f.get("head") and same_person([f["head"]], g["head"]):
                right.add(id(f))
            elif g.get("head"):
                heads.missed.append(f"{g['head']} (found: {f.get('head') or 'none'})")
        heads.true_found = heads.true_gold = len(right)
        heads.spurious = [
            f"{f['head']} of {f.get('origin_country')}→{f.get('host_country') or '?'}"
            for f in values["delegations"]
            if f.get("head") and id(f) not in right
        ]
        scores["heads"] = heads
    for kind, (same, show_found, show_gold) in _RULES.items():
        if kind in gold:
            scores[kind], _pairs = _pair(
                values[kind], gold[kind], same, show_found=show_found, show_gold=show_gold, closer=_CLOSER.get(kind)
            )
    return scores


def _parties(item: dict[str, Any]) -> str:
    return f"{item.get('kind')} {'+'.join(sorted(_countries(item.get('parties', [])))) or '?'}"


# Kind -> (is this extracted item that gold item, how an extracted one is shown, how a gold one is shown).
_RULES: dict[str, tuple[Callable, Callable, Callable]] = {
    "agreements": (
        lambda f, g: _countries(f.get("parties", [])) == _countries(g.get("parties", [])),
        _parties,
        _parties,
    ),
    "events": (
        lambda f, g: f.get("kind") == g.get("kind") and (not g.get("date") or f.get("start") == g.get("date")),
        lambda f: f"{f.get('kind')} {f.get('start') or '?'}",
        lambda g: f"{g.get('kind')} {g.get('date') or '?'}",
    ),
    "programmes": (
        lambda f, g: (
            f.get("beneficiary") == g.get("beneficiary")
            and (not _countries([g.get("provider")]) or f.get("provider") == g.get("provider"))
        ),
        lambda f: f"{f.get('provider') or '?'}→{f.get('beneficiary') or '?'}",
        lambda g: f"{g.get('provider') or '?'}→{g.get('beneficiary') or '?'}",
    ),
    # The older gold of the seeds and of the hand-written test documents.
    "dates": (
        lambda f, g: _date_matches(f, g),
        lambda f: f"{f.get('start')}–{f.get('end')}",
        lambda g: f"{g.get('start')}–{g.get('end')}",
    ),
}


# Among the gold items an extracted one may be, the one it is most like: the event on the same day.
_CLOSER: dict[str, Callable] = {"events": lambda f, g: bool(g.get("date")) and f.get("start") == g.get("date")}


def _date_matches(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    if gold.get("start") is None:
        return found["start"] is None and found["month"] == gold.get("month") and found["day"] == gold.get("day")
    return (found["start"], found["end"], found["precision"]) == (gold["start"], gold["end"], gold["precision"])


def score_document(path: Path, gold: dict[str, Any], *, with_date: bool = False) -> DocumentScore:
    """``with_date``: as when the officer fills the upload form's optional date of the documents (the article's
    own date, from the gold's ``published``); without it, the text alone."""
    text = read_text(path.read_bytes(), name=path.name).text
    published = gold.get("published") if with_date else None
    document_date = dt.date.fromisoformat(published) if published and len(published) == 10 else None
    started = time.process_time()
    result = extract_all(text, document_date=document_date)
    seconds = time.process_time() - started
    return DocumentScore(path.name, gold["language"], seconds, score_extraction(result, gold))


def score_corpus(documents: Path, gold_dir: Path | None = None, *, with_date: bool = False) -> list[DocumentScore]:
    """Every gold file in ``gold_dir`` (default: ``documents``) with the document of the same stem."""
    scores = []
    for gold_path in sorted((gold_dir or documents).glob("*.json")):
        candidates = [p for p in documents.glob(f"{gold_path.stem}.*") if p.suffix != ".json"]
        if candidates:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            scores.append(score_document(candidates[0], gold, with_date=with_date))
    return scores


def problems(scores: list[DocumentScore]) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(document, kind) -> (misses, false positives), for every kind that has any."""
    return {
        (s.name, kind): (score.missed, score.spurious)
        for s in scores
        for kind, score in s.kinds.items()
        if score.missed or score.spurious
    }


def summarise(scores: list[DocumentScore]) -> dict[str, dict[str, KindScore]]:
    """language -> kind -> summed score; "all" sums the languages."""
    summary: dict[str, dict[str, KindScore]] = {}
    for s in scores:
        for language in (s.language, "all"):
            row = summary.setdefault(language, {})
            for kind, score in s.kinds.items():
                row.setdefault(kind, KindScore()).add(score)
    return summary
