"""Precision and recall of extracted people and dates on annotated documents, per language and per document.

    .venv/bin/python bench/extraction_eval.py [DOCUMENTS_DIR] [GOLD_DIR]

Defaults: the seed articles (``../shared/seeds`` beside the repository, or /work/shared/seeds) and
``tests/importing/gold``. The time per document includes loading nothing: models are warmed up first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")


def seeds_dir() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if candidate.is_dir():
            return candidate
    return None


def main() -> int:
    import django

    django.setup()
    from cooperation.importing.evaluation import by_language, score_corpus
    from cooperation.importing.extraction import extract_all

    documents = Path(sys.argv[1]) if len(sys.argv) > 1 else seeds_dir()
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "importing" / "gold"
    if documents is None:
        print("No seed documents found (expected ../shared/seeds beside the repository).")
        return 1
    # Warm up natasha and pymorphy3 so that the first Russian document is not charged with loading them.
    extract_all("Встреча Министра Ивана Петрова.", language="ru")
    scores = score_corpus(documents, gold)
    print(f"{'document':<28}{'lang':<6}{'P people':>9}{'R people':>9}{'R roles':>9}{'R dates':>9}{'ms':>8}")
    for s in scores:
        role_recall = s.officials_with_role_found / s.officials_with_role if s.officials_with_role else 1.0
        dates = f"{s.dates_true}/{s.dates_gold}"
        print(
            f"{s.name:<28}{s.language:<6}{s.people_precision:>9.2f}{s.people_recall:>9.2f}{role_recall:>9.2f}"
            f"{dates:>9}{s.seconds * 1000:>8.0f}"
        )
        if s.missed:
            print(f"    missed: {', '.join(s.missed)}")
        if s.spurious:
            print(f"    spurious: {', '.join(s.spurious)}")
    print()
    print(
        f"{'language':<10}{'docs':>5}{'P people':>10}{'R people':>10}{'R roles':>9}"
        f"{'P dates':>9}{'R dates':>9}{'ms/doc':>8}"
    )
    for language, row in by_language(scores).items():
        print(
            f"{language:<10}{row['documents']:>5}{row['people_precision']:>10.2f}{row['people_recall']:>10.2f}"
            f"{row['officials_with_role_recall']:>9.2f}{row['dates_precision']:>9.2f}{row['dates_recall']:>9.2f}"
            f"{row['seconds_per_document'] * 1000:>8.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
