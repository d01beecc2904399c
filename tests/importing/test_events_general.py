"""Event shapes that recur across news writing, on invented press releases (no corpus article's own text)."""

from __future__ import annotations

import datetime as dt

from cooperation.importing.extraction.dates import document_date_from_text, extract_dates

from .extracted import kinds_and_days, values


def test_an_abbreviated_month_may_carry_its_period():
    found = extract_dates("when they met on Jan. 29, in the course of the visit", document_date=dt.date(2024, 1, 30))
    assert [f.value["start"] for f in found] == ["2024-01-29"]


def test_a_numeric_dateline_is_read_month_first_when_its_today_weekday_says_so():
    # 5/3/2024 read day first is Tuesday 5 March; month first it is Friday 3 May, the day the text names.
    text = "الوزير يستقبل نظيره\n\n5/3/2024\n\nاستقبل وزير الخارجية اليوم الجمعة نظيره."
    assert document_date_from_text(text) == dt.date(2024, 5, 3)
    # without a weekday (or with one that fits), the day comes first as before
    assert document_date_from_text("5/3/2024\n\nاستقبل وزير الخارجية نظيره.") == dt.date(2024, 3, 5)
    assert document_date_from_text("5/3/2024\n\nاستقبل اليوم الثلاثاء نظيره.") == dt.date(2024, 3, 5)


def test_a_signing_told_in_the_headline_takes_the_day_the_body_gives():
    text = (
        "Ruritania and Freedonia sign two MoUs\n\n"
        "12 March 2024\n\n"
        "Ruritanian Foreign Minister Karl Weber met Freedonian Foreign Minister Ana Soto in Strelsau yesterday.\n\n"
        "The two ministers reviewed cooperation in trade and culture.\n\n"
        "Following the talks, two memoranda of understanding were signed."
    )
    assert ("signing", "2024-03-11") in kinds_and_days(text)


def test_two_meeting_verbs_with_their_own_counterparts_are_two_meetings():
    text = (
        "Thai PM visits Laos\n\n"
        "12 March 2024\n\n"
        "Thai Prime Minister Karl Weber arrived in Vientiane on 11 March for an official visit to Laos.\n\n"
        "He afterwards called on Laotian President Rufus Firefly at the palace, and went on to meet "
        "Laotian Foreign Minister Ana Soto at the ministry."
    )
    meetings = [e for e in values(text, "events") if e["kind"] == "meeting"]
    assert len(meetings) == 2
    assert [e["start"] for e in meetings] == ["2024-03-11", "2024-03-11"]  # "afterwards": the day told before


def test_a_name_ending_in_phone_is_no_telephone_call():
    text = (
        "12 March 2024\n\nRuritanian Prime Minister Karl Weber met Freedonian Speaker Saysomphone Tavan "
        "in Strelsau on 11 March."
    )
    assert ("meeting", "2024-03-11") in kinds_and_days(text)


def test_talks_about_a_planned_summit_are_not_dated_by_the_summit():
    text = (
        "Ruritanian minister in Freedonia\n\n"
        "Deputy Minister Karl Weber travelled to Fredonia City on 28 June 2016 for talks with Deputy Minister "
        "Ana Soto.\n\n"
        "The parties also talked about preparations for the Regional Summit due to be held in Fredonia City on "
        "8 July 2016."
    )
    found = kinds_and_days(text)
    assert ("summit", "2016-07-08") in found
    assert ("meeting", "2016-07-08") not in found


def test_a_ceremony_of_its_own_during_a_visit_is_an_event():
    text = (
        "Thai PM visits Laos\n\n"
        "12 March 2024\n\n"
        "Thai Prime Minister Karl Weber arrived in Vientiane on 12 March for an official visit to Laos.\n\n"
        "He held talks with Laotian Prime Minister Ana Soto.\n\n"
        "Together with his counterpart, the Prime Minister co-chaired the inauguration ceremony of the new station."
    )
    assert "other" in [kind for kind, _day in kinds_and_days(text)]


def test_talks_that_end_with_a_signing_tell_of_a_signing():
    text = (
        "12 March 2024\n\n"
        "Ruritanian Foreign Minister Karl Weber received Freedonian Foreign Minister Ana Soto in Strelsau today.\n\n"
        "The talks ended with the signing of a programme of consultations for 2024-2025."
    )
    assert ("signing", "2024-03-12") in kinds_and_days(text)


def test_quoted_speech_still_tells_of_events_but_a_long_document_title_does_not():
    title = (
        'Among the documents was a "Record of Discussions between the Railway Agency and the National Railway '
        'for Technical Assistance for Capacity Building for Locomotive Driving".'
    )
    assert not [e for e in values("12 March 2024\n\n" + title, "events") if e["kind"] == "meeting"]


def test_sitting_down_with_a_counterpart_is_a_meeting_and_urging_a_signing_is_no_signing():
    text = (
        "Samoan PM in Fiji\n\n"
        "June 8, 2022\n"
        "A statement said the Samoan Prime Minister Ana Soto sat down on Tuesday with her Fijian counterpart, "
        "Karl Weber, in Suva.\n\n"
        "Attention was drawn to the importance of signing the peace agreement between the two neighbours."
    )
    found = kinds_and_days(text)
    assert ("meeting", "2022-06-07") in found
    assert "signing" not in [kind for kind, _day in found]


def test_a_press_conference_the_ministry_reported_is_not_an_announcement():
    text = (
        "03/07/2024\n"
        "Armenian Foreign Minister Ararat Karapetyan held talks with Georgian Foreign Minister Levan Gelashvili in "
        "Tbilisi on July 3. After their talks, the two foreign ministers gave a press conference, the ministry said."
    )
    kinds = [kind for kind, _day in kinds_and_days(text)]
    assert "other" in kinds and "announcement" not in kinds
