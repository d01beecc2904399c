"""The server-issued sync link: a partner that follows only ``next`` and ``sync`` misses nothing and gets each
change once, in an order that leaves its copy right.

The guarantee is exact on PostgreSQL (transaction snapshots, ``cooperation.sync``); the embedded SQLite build
re-sends a few minutes before the watermark instead, so there the checks are "at least once".
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from django.db import connection, transaction

from cooperation import models as m
from tests import factories as f
from tests.api.conftest import follow_to_sync

EXACT = connection.vendor == "postgresql"


def keys(items: list[dict]) -> list[str]:
    return [("-" if "removed" in item else "+") + item["slug"] for item in items]


@pytest.mark.skipif(not EXACT, reason="needs a second writer during the walk; SQLite locks the table instead")
@pytest.mark.django_db(transaction=True)
def test_a_partner_following_next_and_sync_gets_every_change_once_and_in_order(api):
    late = f.DelegationFactory(slug="late-edit", title="Before")
    for n in range(5):
        f.DelegationFactory(slug=f"quiet-{n}")
    joined = f.DelegationFactory(slug="gets-a-member")
    cited = f.DelegationFactory(slug="loses-a-citation")
    citation = f.CitationFactory(official=None, delegation=cited)
    f.DelegationFactory(slug="recreated", title="First of its name")
    stage = f.ProgrammeStageFactory(programme=f.TrainingProgrammeFactory(slug="leaders"))
    for n in range(3):
        f.TrainingProgrammeFactory(slug=f"other-programme-{n}")
    topic = f.TopicFactory(slug="e-government")

    # A staff edit whose transaction writes before the partner starts and commits 3 s after the walk began:
    # its updated_at is older than the walk, the classic way a time-based sync loses it.
    written, release = threading.Event(), threading.Event()

    def slow_edit():
        try:
            with transaction.atomic():
                late.title = "After"
                late.save()
                written.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    editor = threading.Thread(target=slow_edit)
    editor.start()
    assert written.wait(timeout=10)
    began = time.monotonic()
    delegations, delegations_sync = follow_to_sync(api, "/api/v1/delegations/?page_size=2")
    programmes, programmes_sync = follow_to_sync(api, "/api/v1/programmes/?page_size=2")
    time.sleep(max(0.0, 3 - (time.monotonic() - began)))
    release.set()
    editor.join(timeout=30)

    walked = {item["slug"]: item for item in delegations}
    assert len(delegations) == len(walked) == 9, "the walk lists every delegation once"
    assert walked["late-edit"]["title"]["en"] == "Before", "the walk shows what was committed when it began"
    assert len(programmes) == 4

    f.DelegationMemberFactory(delegation=joined)
    stage.topics.add(topic)
    citation.delete()
    m.Delegation.objects.get(slug="recreated").delete()
    f.DelegationFactory(slug="recreated", title="Second of its name")

    changed, delegations_sync = follow_to_sync(api, delegations_sync)
    assert keys(changed) == ["-recreated", "+late-edit", "+gets-a-member", "+loses-a-citation", "+recreated"]
    latest = {item["slug"]: item for item in changed if "removed" not in item}
    assert latest["late-edit"]["title"]["en"] == "After"
    assert latest["recreated"]["title"]["en"] == "Second of its name"
    assert next(item for item in changed if "removed" in item)["removed"]["reason"] == "deleted"

    changed_programmes, programmes_sync = follow_to_sync(api, programmes_sync)
    assert keys(changed_programmes) == ["+leaders"]
    # Nothing changed since: the next sync is empty, and it hands back a link again.
    assert follow_to_sync(api, delegations_sync)[0] == []
    assert follow_to_sync(api, programmes_sync)[0] == []


@pytest.mark.django_db
def test_the_sync_link_brings_changes_and_removals_on_any_database(api):
    f.DelegationFactory(slug="stays")
    joined = f.DelegationFactory(slug="gets-a-member")
    f.DelegationFactory(slug="recreated", title="First of its name")
    _items, sync_link = follow_to_sync(api, "/api/v1/delegations/")
    f.DelegationMemberFactory(delegation=joined)
    m.Delegation.objects.get(slug="recreated").delete()
    f.DelegationFactory(slug="recreated", title="Second of its name")
    changed = keys(follow_to_sync(api, sync_link)[0])
    assert {"+gets-a-member", "-recreated", "+recreated"} <= set(changed)
    assert changed.index("-recreated") < changed.index("+recreated"), "removals come before the records"


@pytest.mark.django_db
def test_a_sync_link_that_govex_did_not_issue_is_a_400(api):
    response = api.get("/api/v1/delegations/?sync=made-up")
    assert response.status_code == 400
    assert "sync" in response.json()["fields"]


@pytest.mark.django_db
def test_the_sync_link_keeps_the_filters_of_the_walk(api):
    f.DelegationFactory(slug="to-dubai", origin_country="BY")
    f.DelegationFactory(slug="to-astana", origin_country="KZ")
    items, sync_link = follow_to_sync(api, "/api/v1/delegations/?origin_country=KZ")
    assert keys(items) == ["+to-astana"]
    assert "origin_country=KZ" in sync_link


def _commit_elsewhere() -> None:
    """A transaction on a connection of its own, committed: newer than anything the test's transaction wrote."""
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_current_xact_id()")


@pytest.mark.skipif(not EXACT, reason="transaction ids are PostgreSQL's")
def test_what_the_asking_transaction_changed_comes_in_its_sync_after_others_have_committed(api):
    """The test's own transaction writes, then reads. Its xid is left out of its snapshots' in-progress list, so
    once any later transaction has committed (parallel test workers do, all the time) its own rows read as
    seen by every watermark: without the own-xid rule the sync below came back empty (CI, stop 19)."""
    doomed = f.EventFactory(slug="to-remove")
    _commit_elsewhere()
    walked = api.get("/api/v1/events/").json()
    assert [item["slug"] for item in walked["results"]] == ["to-remove"]
    doomed.delete()
    f.EventFactory(slug="added-after")
    _commit_elsewhere()
    assert keys(api.get(walked["sync"]).json()["results"]) == ["-to-remove", "+added-after"]
