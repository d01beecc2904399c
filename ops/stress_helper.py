"""Database-side steps of ``ops/stress.sh``: credentials for the load, counts before and after, import waits.

Run as ``python ops/stress_helper.py <command>`` with the stress environment (its own database).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from cooperation.api.models import PartnerToken, TokenScope  # noqa: E402
from cooperation.importing.services.run import CANDIDATE_SECTIONS  # noqa: E402

PENDING = ("queued", "processing")


def credentials() -> dict[str, str]:
    """A read token for a partner system, a write token and a session for a protocol officer."""
    user_model = get_user_model()
    partner, _ = user_model.objects.get_or_create(username="stress.partner")
    officer, _ = user_model.objects.get_or_create(username="stress.officer", defaults={"is_staff": True})
    officer.groups.add(Group.objects.get(name="Protocol staff"))
    keys = {}
    for name, user, scope in (("partner", partner, TokenScope.READ), ("writer", officer, TokenScope.WRITE)):
        key = PartnerToken.new_key()
        token = PartnerToken(name=f"stress {name}", user=user, scope=scope)
        token.set_key(key)
        token.save()
        keys[name] = key
    session = SessionStore()
    session[SESSION_KEY] = str(officer.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = officer.get_session_auth_hash()
    session.create()
    keys["session"] = session.session_key
    return keys


def counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count() for model in apps.get_app_config("cooperation").get_models()
    }


def wait_imports(timeout: float) -> dict[str, int]:
    documents = apps.get_model("importing", "ImportedDocument").objects
    deadline = time.monotonic() + timeout
    while documents.filter(status__in=PENDING).exists() and time.monotonic() < deadline:
        time.sleep(1)
    by_status: dict[str, int] = {}
    for status in documents.values_list("status", flat=True):
        by_status[status] = by_status.get(status, 0) + 1
    return by_status


def wait_processing(timeout: float) -> bool:
    """Wait until some import is being extracted, so that a fault lands in the middle of one."""
    documents = apps.get_model("importing", "ImportedDocument").objects
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if documents.filter(status="processing").exists():
            return True
        time.sleep(0.05)
    return False


def processing() -> str:
    documents = apps.get_model("importing", "ImportedDocument").objects
    return ",".join(str(pk) for pk in documents.filter(status="processing").values_list("pk", flat=True))


def check_imports(uploads: Path) -> dict[str, int]:
    """Every distinct uploaded file is one document, imported once and whole.

    ``partial``: a document ready for review whose text, extraction or candidates are missing, or whose
    candidates are not exactly one per extracted item (a run written twice, or cut short).
    """
    documents = apps.get_model("importing", "ImportedDocument").objects
    hashes = {hashlib.sha256(path.read_bytes()).hexdigest() for path in uploads.iterdir()}
    found = {doc.sha256: doc for doc in documents.filter(sha256__in=hashes).prefetch_related("candidates")}
    partial = 0
    for doc in found.values():
        if doc.status != "ready_for_review":
            continue
        expected = sum(len(doc.extraction.get(section, [])) for section, _kind in CANDIDATE_SECTIONS)
        if not doc.text or not doc.extraction or len(doc.candidates.all()) != expected:
            partial += 1
    return {
        "documents": documents.count(),
        "files": len(hashes),
        "files_without_document": len(hashes - found.keys()),
        "ready": sum(doc.status == "ready_for_review" for doc in found.values()),
        "pending": documents.filter(status__in=PENDING).count(),
        "partial": partial,
        "attempts_after_faults": sum(max(0, doc.attempts - 1) for doc in found.values()),
    }


def main(command: str, *args: str) -> None:
    if command == "credentials":
        for name, value in credentials().items():
            sys.stdout.write(f"{name.upper()}={value}\n")
    elif command == "counts":
        sys.stdout.write(json.dumps(counts()) + "\n")
    elif command == "wait-imports":
        sys.stdout.write(json.dumps(wait_imports(float(args[0]) if args else 180)) + "\n")
    elif command == "wait-processing":
        raise SystemExit(0 if wait_processing(float(args[0]) if args else 60) else 1)
    elif command == "processing":
        sys.stdout.write(processing() + "\n")
    elif command == "check-imports":
        sys.stdout.write(json.dumps(check_imports(Path(args[0]))) + "\n")
    elif command == "lost":
        before = json.loads(Path(args[0]).read_text())
        after = counts()
        sys.stdout.write(f"{sum(max(0, number - after.get(label, 0)) for label, number in before.items())}\n")
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
