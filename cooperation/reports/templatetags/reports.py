from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from cooperation.reports.bidi import isolate, list_separator
from cooperation.reports.tables import Cell, Table

register = template.Library()


def _isolated(text) -> SafeString:
    # A plain figure needs no isolating; a signed one ("+2", "-33") does, or an Arabic page shows "2+".
    if isinstance(text, int | float) and str(text)[:1].isdigit():
        return format_html("{}", text)
    return isolate(text)


def _value_html(value) -> SafeString:
    if isinstance(value, Cell):
        text = _isolated(value.text)
        return format_html('<a href="{}">{}</a>', value.url, text) if value.url else text
    if isinstance(value, list | tuple):
        if not value:
            return format_html("")
        return format_html(
            '<ul class="in-cell">{}</ul>', format_html_join("", "<li>{}</li>", ((_value_html(v),) for v in value))
        )
    return _isolated(value)


@register.filter
def isolated(value) -> SafeString:
    """``{{ name|isolated }}``: a value from the records in its own direction (bidi.py), outside tables."""
    return isolate(value)


@register.simple_tag
def sep() -> str:
    """The list separator of the reader's language (``bidi.list_separator``)."""
    return list_separator()


@register.simple_tag
def table_cell(table: Table, index: int, value) -> SafeString:
    """A <th scope=row> for the first column (the row's name), <td> elsewhere; numbers aligned as numbers."""
    if index == 0:
        return format_html('<th scope="row">{}</th>', _value_html(value))
    css = ' class="num"' if index in table.numeric else ""
    return format_html("<td{}>{}</td>", SafeString(css), _value_html(value))


@register.simple_tag(takes_context=True)
def export_url(context, export: str, table: str = "") -> str:
    """The current page's URL (filters kept) asking for an export."""
    request = context["request"]
    params = request.GET.copy()
    for key in ("export", "table", "page"):
        params.pop(key, None)
    params["export"] = export
    if table:
        params["table"] = table
    return f"{request.path}?{params.urlencode()}"


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    request = context["request"]
    params = request.GET.copy()
    params["page"] = number
    return f"{request.path}?{params.urlencode()}"


@register.simple_tag(takes_context=True)
def expand_url(context, table: str = "") -> str:
    """The current page's URL (filters kept) listing ``table`` in full, or the whole page again without one."""
    request = context["request"]
    params = request.GET.copy()
    for key in ("export", "table", "page", "all"):
        params.pop(key, None)
    if table:
        params["all"] = table
    return f"{request.path}?{params.urlencode()}" if params else request.path
