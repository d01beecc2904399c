"""Values in any script on pages in either direction: each one isolated, in the direction of its own first letter."""

from __future__ import annotations

from cooperation.reports.bidi import direction_of, isolate
from cooperation.reports.tables import Change, Table, cell
from cooperation.reports.templatetags.reports import isolated, table_cell


def test_a_value_takes_the_direction_of_its_first_strong_letter():
    assert direction_of("Visit of the delegation.") == "ltr"
    assert direction_of("«زيارة وفد بيلاروسي»") == "rtl"
    assert direction_of("2025 Беларусь") == "ltr"
    assert direction_of("+2") == "ltr"  # figures and signs read left to right on every page


def test_isolating_escapes_and_leaves_nothing_for_no_value():
    assert str(isolate("A & <b>")) == '<bdi dir="ltr">A &amp; &lt;b&gt;</bdi>'
    assert str(isolate(None)) == "" and str(isolate("")) == ""


def test_table_cells_isolate_titles_and_signed_figures_but_not_plain_ones():
    table = Table("t", "T", ["Name", "Record", "Change", "Count"], numeric=frozenset({2, 3}))
    assert str(table_cell(table, 0, "وفد بيلاروسي")) == '<th scope="row"><bdi dir="rtl">وفد بيلاروسي</bdi></th>'
    # An English title in an Arabic page keeps its full stop at its own end.
    assert (
        str(table_cell(table, 1, cell("Visit.", "/r/1/"))) == '<td><a href="/r/1/"><bdi dir="ltr">Visit.</bdi></a></td>'
    )
    assert str(table_cell(table, 2, Change(-3))) == '<td class="num"><bdi dir="ltr">-3</bdi></td>'
    assert str(table_cell(table, 3, 12)) == '<td class="num">12</td>'


def test_values_outside_tables_are_isolated_with_the_filter():
    assert str(isolated("Digital government")) == '<bdi dir="ltr">Digital government</bdi>'
