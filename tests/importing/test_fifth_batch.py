"""Shapes found on the fifth batch of unseen articles (measured before tuning, docs/importing.md), each written
here in invented words: an agency's dateline is not where the story happens, a High Commissioner is a resident
envoy, "travelled to" and "played host to" tell a visit."""

from __future__ import annotations

import pytest

from .test_visits_general import heads, sides

pytestmark = pytest.mark.django_db


def test_the_city_an_agency_files_from_is_not_where_its_minister_went():
    text = (
        "LIMA, Peru, Mar 3 (ANP) - Peruvian foreign minister Rosa Quispe is holding a series of talks in Chile, "
        "where she arrived on Monday for the regional summit."
    )
    assert heads(text) == {("PE", "CL"): "Rosa Quispe"}


def test_a_place_named_before_where_the_visitor_arrived_is_the_host():
    text = "Kenyan trade minister Peter Mwangi is in Ghana, where he arrived yesterday for talks on cocoa."
    assert sides(text) == [("KE", "GH")]


def test_a_high_commissioner_calling_on_the_minister_is_no_visit():
    text = (
        "Ghana's Minister of Foreign Affairs Ama Boateng held talks on Monday. Later, the Australian High "
        "Commissioner to Ghana, Mark Ellis, came to the Ministry of Foreign Affairs with the British Deputy "
        "High Commissioner."
    )
    assert sides(text) == []


def test_travelled_to_is_a_visit():
    text = (
        "The Senegalese foreign minister, Aissatou Ndiaye, said she had travelled to Mali to deliver a message "
        "from her President."
    )
    assert sides(text) == [("SN", "ML")]


def test_played_host_to_receives_a_guest():
    text = (
        "Ghana's Minister of Foreign Affairs Ama Boateng played host to her Togolese counterpart, Robert Dussey, "
        "in Accra for talks on the border."
    )
    assert heads(text) == {("TG", "GH"): "Robert Dussey"}
