"""A ``dumpdata``/``loaddata`` backup restores into an empty database with nothing lost.

The dump is written here, from the test database; the restore runs in a separate process against a freshly
migrated database of the same engine (a throwaway SQLite file, or a PostgreSQL database of its own), exactly
as an operator would run it. Both sides are then dumped the same way and compared model by model.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from psycopg import sql

from tests import factories
from tests.conftest import FIXTURE
from tests.ops.conftest import base_env, manage

# Derived or disposable: migrate recreates content types and permissions; sessions are logins in progress.
# The same list is in docs/operations.md.
BACKUP_ARGS = [
    "--natural-foreign",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=admin.logentry",
]
RESTORE_DB = "govex_ops_restore"


def by_model(dump: list[dict]) -> dict[str, tuple[int, str]]:
    """Per model: how many objects, and a hash of their content that ignores the order of the dump."""
    objects: dict[str, list[str]] = defaultdict(list)
    for item in dump:
        # sync_xid is the id of the transaction that last wrote the row in *this* database (cooperation.sync):
        # a restore writes every row again, so it differs by design (partners walk again after a restore).
        item = {**item, "fields": {k: v for k, v in item.get("fields", {}).items() if k != "sync_xid"}}
        objects[item["model"]].append(json.dumps(item, sort_keys=True, ensure_ascii=False))
    return {
        model: (len(rows), hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest())
        for model, rows in objects.items()
    }


@pytest.fixture
def restore_database_url(tmp_path: Path):
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    params["dbname"] = "postgres"
    admin = psycopg.connect(**params, autocommit=True)
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(RESTORE_DB))
    admin.execute(drop)
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(RESTORE_DB)))
    db = settings.DATABASES["default"]
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{RESTORE_DB}"
    admin.execute(drop)
    admin.close()


@pytest.fixture
def records(db, protocol_staff):
    """The seed records when the fixture file is there, plus records with edit history and a staff user."""
    if FIXTURE.exists():
        call_command("loaddata", str(FIXTURE), verbosity=0)
    delegation = factories.DelegationFactory()
    factories.DelegationMemberFactory(delegation=delegation)
    agreement = factories.AgreementFactory()
    factories.AgreementPartyFactory(agreement=agreement)
    factories.ProgrammeStageFactory()
    # A second version in the history: the restore must keep who changed what, not only the latest state.
    delegation.title = f"{delegation.title} (revised)"
    delegation._history_user = protocol_staff
    delegation.save()


def test_a_restored_backup_holds_every_object_of_every_model(records, tmp_path, restore_database_url):
    backup = tmp_path / "backup.json"
    call_command("dumpdata", *BACKUP_ARGS, output=str(backup), verbosity=0)
    original = by_model(json.loads(backup.read_text()))

    env = base_env(DATABASE_URL=restore_database_url)
    for command in (["migrate", "--noinput"], ["loaddata", str(backup)]):
        result = manage(*command, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
    restored_file = tmp_path / "restored.json"
    result = manage("dumpdata", *BACKUP_ARGS, f"--output={restored_file}", env=env)
    assert result.returncode == 0, result.stderr
    restored = by_model(json.loads(restored_file.read_text()))

    # Nothing trivially equal: the backup really holds records, their history and the staff account.
    assert original["cooperation.delegation"][0] >= 1
    assert original["cooperation.historicaldelegation"][0] >= 2
    assert original["auth.user"][0] >= 1
    assert restored == original
