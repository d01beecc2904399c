from __future__ import annotations

import datetime as dt

from cooperation.importing.extraction.dates import document_date_from_text, extract_dates


def only(text: str, **kwargs) -> dict:
    found = extract_dates(text, **kwargs)
    assert len(found) == 1, [f.value for f in found]
    return found[0].value


def test_a_russian_range_with_spaced_dash_and_year_keeps_both_ends():
    value = only("Визит прошёл 14 – 17 октября 2025 г. в Дубае.")
    assert (value["start"], value["end"], value["precision"]) == ("2025-10-14", "2025-10-17", "day")


def test_an_english_range_takes_its_year_from_the_document_date_not_from_today():
    value = only("3-5 February, Dubai", document_date=dt.date(2023, 2, 14))
    assert (value["start"], value["end"], value["year_source"]) == ("2023-02-03", "2023-02-05", "document")


def test_from_to_range_takes_the_year_written_earlier_in_the_text():
    value = only("The 2019 cohort met again, this time from 15 to 17 May.")
    assert (value["start"], value["end"], value["year_source"]) == ("2019-05-15", "2019-05-17", "context")


def test_a_range_with_no_year_anywhere_stays_without_a_year():
    value = only("The forum runs 3-5 February in Dubai.")
    assert value["start"] is None and (value["month"], value["day"]) == (2, 3)
    assert value["year_source"] == "unknown"


def test_a_month_and_year_keeps_month_precision():
    value = only("в октябре 2025 г. белорусская делегация")
    assert (value["start"], value["precision"]) == ("2025-10-01", "month")


def test_levantine_arabic_month_names_are_read():
    value = only("عقد الاجتماع في 12 تشرين الأول 2025 في دبي")
    assert value["start"] == "2025-10-12"


def test_gregorian_and_levantine_month_written_together_count_once():
    value = only("زيارة في أكتوبر/تشرين الأول الماضي", document_date=dt.date(2023, 2, 14))
    # "Last October" in a document of February 2023 is October 2022.
    assert (value["start"], value["precision"]) == ("2022-10-01", "month")


def test_arabic_from_to_range_with_arabic_indic_digits():
    value = only("خلال الفترة من ٣ إلى ٦ أكتوبر ٢٠٢٤")
    assert (value["start"], value["end"]) == ("2024-10-03", "2024-10-06")


def test_a_range_across_two_months():
    value = only("from 30 April to 2 May 2024")
    assert (value["start"], value["end"]) == ("2024-04-30", "2024-05-02")


def test_impossible_days_are_not_dates():
    assert extract_dates("Room 45 March hall") == []
    assert extract_dates("31 February 2024") == []


def test_the_document_date_is_the_first_full_date_near_the_top():
    assert document_date_from_text("Title\n28 января 2026 г. в Минске состоялась встреча") == dt.date(2026, 1, 28)
    assert document_date_from_text("No date here, only 2024.") is None


def test_evidence_offsets_point_at_the_date_as_written():
    text = "Intro. The visit took place on 3 February 2025 in Minsk."
    found = extract_dates(text)[0]
    assert text[found.evidence.start : found.evidence.end] == "3 February 2025"
    assert "Minsk" in found.evidence.passage
