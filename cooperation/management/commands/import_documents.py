"""Import a folder of files (or single files): one document per content, with a progress bar."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperation.importing.models import ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit
from cooperation.importing.text import ALLOWED_EXTENSIONS


class Command(BaseCommand):
    help = "Queue PATH... (files or folders) for import; --wait follows the imports until they finish."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--wait", action="store_true", help="Wait until every import is ready or failed.")
        parser.add_argument("--timeout", type=int, default=600, help="Seconds to wait with --wait.")

    def handle(self, *args, paths: list[Path], wait: bool, timeout: int, **options):
        files = _files(paths)
        if not files:
            raise CommandError("No importable files (.txt, .md, .html, .pdf, .docx) found.")
        ids: list[int] = []
        for number, path in enumerate(files, start=1):
            submitted = document_submit(data=path.read_bytes(), name=path.name)
            ids.append(submitted.document.pk)
            self._bar("queued", number, len(files), path.name)
            if not submitted.created:
                self.stdout.write(f"\n{submitted.message}")
        self.stdout.write("")
        if wait:
            self._wait(ids, timeout)
        self._summary(ids)

    def _wait(self, ids: list[int], timeout: int) -> None:
        deadline = time.monotonic() + timeout
        running = [ImportStatus.QUEUED, ImportStatus.PROCESSING]
        while True:
            pending = ImportedDocument.objects.filter(pk__in=ids, status__in=running).count()
            self._bar("imported", len(ids) - pending, len(ids), "")
            if not pending:
                self.stdout.write("")
                return
            if time.monotonic() > deadline:
                self.stdout.write("")
                raise CommandError(f"{pending} imports still running after {timeout}s (is a Celery worker up?).")
            time.sleep(0.5)

    def _bar(self, label: str, done: int, total: int, name: str) -> None:
        width = 30
        filled = int(width * done / total)
        line = f"\r{label:>8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}"
        stream = self.stdout if sys.stdout.isatty() else self.stderr
        stream.write(line, ending="")
        stream.flush()

    def _summary(self, ids: list[int]) -> None:
        for document in ImportedDocument.objects.filter(pk__in=ids).order_by("pk"):
            line = f"{document.pk:>5} {document.get_status_display():<17} {document.original_name}"
            if document.status == ImportStatus.FAILED:
                line += f" — {document.error}"
            elif document.status == ImportStatus.READY_FOR_REVIEW:
                line += f" — {document.candidates.count()} candidates"
            self.stdout.write(line)


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALLOWED_EXTENSIONS))
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{path} does not exist.")
    return found
