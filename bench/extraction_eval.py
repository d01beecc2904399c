"""``make eval``: extraction precision and recall per language and record kind, dev and test side by side.

    .venv/bin/python bench/extraction_eval.py [--quiet | --markdown] [--dev | --dir PATH] [--with-dates]

Three sets: the corpus's dev split (rules may be tuned on it), its held-out test split (never read while
tuning) and the five seed articles (``../shared/seeds`` beside the repository). Each document's misses and
false positives are printed unless ``--quiet``. ``--dev`` leaves the test split out entirely: that is the
mode to tune in, so that no decision is made on what the test split says. The matching rules are in
``cooperation/importing/evaluation``. ``--with-dates`` gives extraction the article's own date, as an officer
does who fills the upload form's optional "date of the documents"; the default measures the text alone.
``--dir PATH`` scores one folder of articles with their gold instead (a new batch before it is split or tuned on).
Time is CPU time per article with the models already loaded.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")

CORPUS = ROOT / "tests" / "importing" / "corpus"
SEED_GOLD = ROOT / "tests" / "importing" / "gold"


def _cell(score) -> str:
    if not score or (not score.gold and not score.found):
        return f"{'–':>15}"
    return f"{score.precision:>5.2f} {score.recall:>4.2f} {score.true_gold:>2}/{score.gold:<2}"


def main() -> int:
    import django

    django.setup()
    from cooperation.importing.evaluation import KINDS, score_corpus, seeds_dir, summarise
    from cooperation.importing.extraction import extract_all

    quiet = "--quiet" in sys.argv or "--markdown" in sys.argv
    started = time.perf_counter()
    for warm in ("Встреча Министра Ивана Петрова.", "Minister John Smith met the delegation.", "استقبل معالي الوزير"):
        extract_all(warm)
    print(f"models loaded in {time.perf_counter() - started:.2f} s\n")

    sets = [("dev", CORPUS / "dev", None)]
    if "--dir" in sys.argv:  # any folder of articles with their gold beside them, e.g. a batch not yet split
        sets = [("dir", Path(sys.argv[sys.argv.index("--dir") + 1]), None)]
    if "--dev" not in sys.argv and "--dir" not in sys.argv:
        sets.append(("test", CORPUS / "test", None))
    seeds = seeds_dir()
    if seeds is not None:
        sets.append(("seeds", seeds, SEED_GOLD))
    summaries = {}
    for name, documents, gold in sets:
        scores = score_corpus(documents, gold, with_date="--with-dates" in sys.argv)
        summaries[name] = (summarise(scores), scores)
        if quiet:
            continue
        print(f"=== {name}: every miss and false positive ===")
        for s in scores:
            problems = [(k, sc) for k, sc in s.kinds.items() if sc.missed or sc.spurious]
            if not problems:
                continue
            print(f"{s.name}  ({s.seconds * 1000:.0f} ms CPU)")
            for kind, sc in problems:
                if sc.missed:
                    print(f"    {kind:<12} missed: {'; '.join(sc.missed)}")
                if sc.spurious:
                    print(f"    {kind:<12} false:  {'; '.join(sc.spurious)}")
        print()

    if "--markdown" in sys.argv:  # the table of docs/importing.md
        print("| set | lang | docs | " + " | ".join(KINDS) + " |")
        print("| --- | --- | --- | " + " | ".join("---" for _k in KINDS) + " |")
        for name, (summary, scores) in summaries.items():
            for language, row in sorted(summary.items(), key=lambda item: (item[0] == "all", item[0])):
                docs = sum(1 for s in scores if language in ("all", s.language))
                cells = [
                    f"{row[k].precision:.2f} / {row[k].recall:.2f} ({row[k].true_gold}/{row[k].gold})"
                    if k in row
                    else "–"
                    for k in KINDS
                ]
                print(f"| {name} | {language} | {docs} | " + " | ".join(cells) + " |")
        return 0
    print("precision recall matched/gold, per set, language and kind")
    print(f"{'set':<6}{'lang':<5}{'docs':>5} " + "".join(f"{k:>16}" for k in KINDS) + f"{'ms/doc':>8}")
    for name, (summary, scores) in summaries.items():
        for language, row in sorted(summary.items(), key=lambda item: (item[0] == "all", item[0])):
            group = [s for s in scores if language in ("all", s.language)]
            ms = 1000 * sum(s.seconds for s in group) / max(1, len(group))
            print(
                f"{name:<6}{language:<5}{len(group):>5} "
                + "".join(f" {_cell(row.get(k))}" for k in KINDS)
                + f"{ms:>8.0f}"
            )
    worst = max((s.seconds for _summary, scores in summaries.values() for s in scores), default=0.0)
    print(f"\nslowest article: {worst * 1000:.0f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
