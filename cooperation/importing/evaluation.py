"""Extraction quality against gold annotations: precision and recall of people and dates per document.

Used by ``bench/extraction_eval.py`` (prints the figures) and by the tests (asserts recall of officials).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extraction import extract_all
from .matching import name_score
from .text import read_text

SAME_PERSON = 85


@dataclass
class DocumentScore:
    name: str
    language: str
    seconds: float
    people_found: list[str]
    people_gold: list[str]
    people_true: int
    officials_with_role: int
    officials_with_role_found: int
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    dates_found: int = 0
    dates_gold: int = 0
    dates_true: int = 0

    @property
    def people_precision(self) -> float:
        return self.people_true / len(self.people_found) if self.people_found else 1.0

    @property
    def people_recall(self) -> float:
        return self.people_true / len(self.people_gold) if self.people_gold else 1.0


def _person_matches(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    return name_score([found["normal"], *found["forms"]], [gold["name"]]) >= SAME_PERSON


def _date_matches(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    if gold.get("start") is None:
        return found["start"] is None and found["month"] == gold.get("month") and found["day"] == gold.get("day")
    return (found["start"], found["end"], found["precision"]) == (gold["start"], gold["end"], gold["precision"])


def score_document(path: Path, gold: dict[str, Any]) -> DocumentScore:
    started = time.perf_counter()
    result = extract_all(read_text(path.read_bytes(), name=path.name).text)
    seconds = time.perf_counter() - started
    found = [p["value"] for p in result["people"]]
    true = [f for f in found if any(_person_matches(f, g) for g in gold["people"])]
    with_role = [g for g in gold["people"] if g["role"]]
    found_with_role = [g for g in with_role if any(_person_matches(f, g) for f in found)]
    found_dates = [d["value"] for d in result["dates"]]
    return DocumentScore(
        name=path.name,
        language=gold["language"],
        seconds=seconds,
        people_found=[f["normal"] for f in found],
        people_gold=[g["name"] for g in gold["people"]],
        people_true=len(true),
        officials_with_role=len(with_role),
        officials_with_role_found=len(found_with_role),
        missed=[g["name"] for g in gold["people"] if not any(_person_matches(f, g) for f in found)],
        spurious=[f["normal"] for f in found if f not in true],
        dates_found=len(found_dates),
        dates_gold=len(gold["dates"]),
        dates_true=sum(1 for g in gold["dates"] if any(_date_matches(f, g) for f in found_dates)),
    )


def score_corpus(documents: Path, gold_dir: Path) -> list[DocumentScore]:
    scores = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        candidates = [p for p in documents.glob(f"{gold_path.stem}.*") if p.suffix != ".json"]
        if candidates:
            scores.append(score_document(candidates[0], json.loads(gold_path.read_text(encoding="utf-8"))))
    return scores


def by_language(scores: list[DocumentScore]) -> dict[str, dict[str, float]]:
    summary: dict[str, dict[str, float]] = {}
    for language in sorted({s.language for s in scores}):
        group = [s for s in scores if s.language == language]
        found = sum(len(s.people_found) for s in group)
        gold = sum(len(s.people_gold) for s in group)
        true = sum(s.people_true for s in group)
        dates_found = sum(s.dates_found for s in group)
        dates_gold = sum(s.dates_gold for s in group)
        dates_true = sum(s.dates_true for s in group)
        summary[language] = {
            "documents": len(group),
            "people_precision": true / found if found else 1.0,
            "people_recall": true / gold if gold else 1.0,
            "officials_with_role_recall": (
                sum(s.officials_with_role_found for s in group) / max(1, sum(s.officials_with_role for s in group))
            ),
            "dates_precision": dates_true / dates_found if dates_found else 1.0,
            "dates_recall": dates_true / dates_gold if dates_gold else 1.0,
            "seconds_per_document": sum(s.seconds for s in group) / len(group),
        }
    return summary
