"""Print what govex extracts from one file, writing nothing: for checking extraction on any documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperation.importing import matching
from cooperation.importing.extraction import extract_all
from cooperation.importing.text import UnreadableDocument, read_text


class Command(BaseCommand):
    help = "Extract people, countries, dates, delegations, events, agreements, programmes and topics from FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="Print the full extraction as JSON.")
        parser.add_argument("--date", type=dt.date.fromisoformat, help="The document's own date (YYYY-MM-DD).")
        parser.add_argument(
            "--no-known", action="store_true", help="Do not use known officials' aliases from the database."
        )

    def handle(self, *args, file: Path, json: bool, date: dt.date | None, no_known: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        try:
            read = read_text(data, name=file.name)
        except UnreadableDocument as exc:
            raise CommandError(str(exc)) from exc
        aliases = {} if no_known else _aliases_if_available()
        result = extract_all(read.text, document_date=date, known_aliases=aliases)
        result = {"file": str(file), "title": read.title, "characters": len(read.text), **result}
        if json:
            self.stdout.write(_dumps(result))
            return
        self.stdout.write(f"{file} [{result['language']}] {result['title']}")
        for section in ("people", "countries", "dates", "delegations", "events", "agreements", "programmes", "topics"):
            self.stdout.write(self.style.MIGRATE_HEADING(f"{section} ({len(result[section])})"))
            for item in result[section]:
                evidence = item["evidence"]
                self.stdout.write(
                    f"  {item['confidence']:.2f} {_short(item['value'])}\n"
                    f"       @{evidence['start']}-{evidence['end']}: {evidence['passage'][:160]}"
                )


def _aliases_if_available() -> dict[str, str]:
    from django.db import DatabaseError

    try:
        return matching.known_aliases()
    except DatabaseError:  # no database yet: extraction still works, only without known aliases
        return {}


def _short(value: dict) -> str:
    keep = {k: v for k, v in value.items() if v not in (None, "", [], {})}
    return _dumps(keep)[:200]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=None if isinstance(value, dict) and "file" not in value else 2)
