"""Extraction time per article, best of three passes, with the models loaded once (the issue's bounds: load ≤ 3 s
per process, ≤ 0.3 s CPU per article).

    .venv/bin/python bench/extraction_timing.py

``make eval`` reports one pass per article, which the garbage collector and first passes make noisy; this takes
the best of three for every corpus and seed article and prints the load, the five slowest and the mean.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")


def main() -> int:
    import django

    django.setup()
    from cooperation.importing.evaluation import seeds_dir
    from cooperation.importing.extraction import extract_all, load_models

    started = time.perf_counter()
    load_models()
    print(f"models loaded in {time.perf_counter() - started:.2f} s")
    files = sorted((ROOT / "tests" / "importing" / "corpus").glob("*/*.txt"))
    seeds = seeds_dir()
    if seeds is not None:
        files += sorted(p for p in seeds.iterdir() if p.suffix in {".txt", ".md"})
    best: dict[Path, float] = {}
    for _pass in range(3):
        for path in files:
            text = path.read_text(encoding="utf-8")
            started = time.process_time()
            extract_all(text)
            best[path] = min(best.get(path, float("inf")), time.process_time() - started)
    for path, seconds in sorted(best.items(), key=lambda item: -item[1])[:5]:
        print(f"{seconds * 1000:5.0f} ms  {path.name}")
    print(f"mean {sum(best.values()) / len(best) * 1000:.0f} ms over {len(best)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
