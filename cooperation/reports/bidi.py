"""Bidirectional text: names and titles come in any script, and a page in one direction shows values in another.

Each value goes in a ``<bdi>`` with the direction of its first strong letter, worked out here rather than left to
``dir="auto"``: WeasyPrint has no ``dir="auto"``, and the PDF must read as the page does. Isolated, an English
title in an Arabic page keeps its full stop at its own end, and "+2" stays "+2" instead of turning into "2+".
"""

from __future__ import annotations

import unicodedata

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import pgettext


def direction_of(text: str) -> str:
    """``rtl`` or ``ltr`` from the first strong character (Unicode's P2 rule); ``ltr`` for figures and signs."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def isolate(text: object, *, title: str = "") -> SafeString:
    """``text`` in a ``<bdi>`` with its own direction; ``title`` becomes its tooltip."""
    text = "" if text is None else str(text)
    if not text:
        return SafeString("")
    if title:
        return format_html('<bdi dir="{}" title="{}">{}</bdi>', direction_of(text), title, text)
    return format_html('<bdi dir="{}">{}</bdi>', direction_of(text), text)


def list_separator() -> str:
    """ ", " between the items of a list, in the reader's language: Arabic writes its own comma ("، ")."""
    return pgettext("list separator", ", ")


def joined(items) -> str:
    return list_separator().join(str(item) for item in items if item)
