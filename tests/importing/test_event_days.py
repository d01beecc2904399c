"""Which day an event of a visit's programme falls on, from invented press releases written as agencies write."""

from __future__ import annotations

import datetime as dt

from cooperation.importing.extraction.dates import document_date_from_text, extract_dates

from .extracted import kinds_and_days


def test_datelines_with_dashes_or_the_year_first_give_the_article_its_date():
    assert document_date_from_text("السبت 06-09-2014 17:41\nاستقبل وزير الخارجية") == dt.date(2014, 9, 6)
    assert document_date_from_text("2022 Sep 22, 19:39, Djibouti City\nThe minister") == dt.date(2022, 9, 22)


def test_tomorrow_with_its_weekday_is_the_day_after_the_article():
    found = extract_dates("سيشارك غداً الأحد في الاجتماع", document_date=dt.date(2014, 9, 6))
    assert [f.value["start"] for f in found] == ["2014-09-07"]


def test_the_next_day_is_neither_today_nor_a_plan():
    text = (
        "وزير الخارجية القطري يزور الأردن\n"
        "عمّان، 10 مارس 2024 (بترا) - وصل وزير الدولة للشؤون الخارجية القطري محمد بن عبدالعزيز الخليفي إلى "
        "عمّان اليوم الأحد في زيارة رسمية.\n"
        "وعقد الخليفي جلسة مباحثات رسمية مع وزير الخارجية أيمن الصفدي.\n"
        "وفي اليوم التالي، استقبل رئيس الوزراء الوزير القطري، وبحث معه سبل تعزيز التعاون."
    )
    assert ("meeting", "2024-03-11") in kinds_and_days(text)
    english = (
        "Uzbek Foreign Minister visits Kazakhstan\n"
        "ASTANA, May 15, 2024 - Uzbek Foreign Minister Bakhtiyor Saidov arrived in Astana on May 14.\n"
        "On the same day he held talks with Kazakh Foreign Minister Murat Nurtleu.\n"
        "The next day, Saidov met with Kazakh Prime Minister Olzhas Bektenov."
    )
    assert kinds_and_days(english) == [("meeting", "2024-05-14"), ("meeting", "2024-05-15")]


def test_a_bloc_meeting_tomorrow_is_dated_by_the_day_told_right_before_it():
    text = (
        "السبت 06-09-2014\n"
        "وكان وزير الخارجية المغربي قد وصل في وقت سابق اليوم إلى القاهرة، حيث سيشارك غداً الأحد في اجتماع "
        "وزراء الخارجية العرب الذي يعقد بمقر جامعة الدول العربية."
    )
    assert ("summit", "2014-09-07") in kinds_and_days(text)


def test_meetings_with_several_officials_are_one_per_official():
    text = (
        "ASTANA, May 15, 2024 - During the visit, Uzbek Foreign Minister Bakhtiyor Saidov also held meetings "
        "with Senate Chairman Maulen Ashimbayev and Trade Minister Arman Shakkaliyev."
    )
    assert kinds_and_days(text) == [("meeting", "2024-05-15"), ("meeting", "2024-05-15")]


def test_once_the_documents_had_been_signed_tells_what_came_next_not_a_plan():
    text = (
        "Hanoi, Tuesday 15 March 2022 - President Julius Maada Bio held talks with President Nguyen Xuan Phuc.\n"
        "Once the ministers had signed the instruments, President Bio held a meeting with Prime Minister "
        "Pham Minh Chinh and afterwards laid wreaths at the Mausoleum."
    )
    assert ("other", "2022-03-15") in kinds_and_days(text)
    assert [kind for kind, _day in kinds_and_days(text)].count("meeting") == 2


def test_a_past_visit_in_an_earlier_year_is_background():
    text = (
        "Политика, 04 июн 2024\n"
        "Министр иностранных дел России Сергей Лавров прибыл в Республику Конго.\n"
        "Днем ранее, 3 июня, Лавров прилетел в Гвинею. На встрече с руководством Гвинеи стороны обсудили "
        "сотрудничество.\n"
        "В предыдущий раз Лавров приезжал в Конго летом 2022 года и встретился с президентом Дени Сассу-Нгессо."
    )
    assert kinds_and_days(text) == [("meeting", "2024-06-03")]
