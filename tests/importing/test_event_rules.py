"""Events read from invented press releases: which kind, which day, and when two mentions are one event."""

from __future__ import annotations

from .extracted import kinds_and_days


def test_an_airport_welcome_is_protocol_and_the_talks_after_it_a_meeting():
    text = (
        "20 January 2025\n"
        "Ghana's President John Kofi Mensah flew into The Gambia on Friday for a working visit.\n"
        "At the Banjul International Airport he was welcomed by President Ousman Jallow.\n"
        "The two leaders then went to the State House in Banjul, where they met in private."
    )
    assert kinds_and_days(text) == [("other", "2025-01-17"), ("meeting", "2025-01-17")]


def test_those_who_attended_the_meeting_join_it_rather_than_make_another():
    text = (
        "الرياض، 14 فبراير 2022 - استقبل وزير الخارجية الأمير فيصل بن فرحان، اليوم في مقر الوزارة، "
        "وزيرة خارجية ليسوتو متسيبو راماكواي.\n"
        "وحضر الاستقبال مساعد وزير الدولة السفير سامي الصالح."
    )
    assert kinds_and_days(text) == [("meeting", "2022-02-14")]


def test_a_weekday_in_what_is_to_come_is_the_coming_one():
    text = (
        "Dushanbe, 15 January 2025 – President Karim Azimov landed in Dushanbe on Wednesday night.\n"
        "On Thursday, Azimov is set to hold talks with President Emomali Rahmon."
    )
    assert ("meeting", "2025-01-16") in kinds_and_days(text)


def test_a_telephone_call_is_no_meeting():
    text = (
        "Министр иностранных дел России Сергей Лавров провел телефонные переговоры со своим белорусским "
        "коллегой Владимиром Макеем."
    )
    assert [kind for kind, _day in kinds_and_days(text)] == ["other"]


def test_an_agreement_signed_years_before_is_background():
    text = (
        "Accra, 7 December 2018 – Forty diplomats graduated yesterday in Accra from the Spanish Language Course.\n"
        "The course was run under a Memorandum of Understanding which Ghana and Colombia signed in February 2014."
    )
    assert kinds_and_days(text) == [("training", "2018-12-06")]
