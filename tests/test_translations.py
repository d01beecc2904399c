"""Every string the office reads is translated: staff and managers work in Russian and Arabic as much as in English.

The catalogues are brought up to date with ``manage.py makemessages -l ru -l ar --no-obsolete`` whenever strings
are added (then ``compilemessages``). A string left untranslated, or only "fuzzy" (which Django ignores), shows up
in English on a Russian or Arabic page; a .mo compiled from an older .po does the same.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def _entries(language: str) -> list[str]:
    return (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8").split("\n\n")[1:]


def _joined(block: str) -> str:
    return "".join(re.findall(r'"(.*)"', block))


@pytest.mark.parametrize("language", ["ru", "ar"])
def test_every_string_has_a_translation_and_none_is_fuzzy(language):
    untranslated = []
    for entry in _entries(language):
        if entry.startswith("#~"):
            continue  # obsolete
        fuzzy = re.search(r"^#,.*\bfuzzy\b", entry, re.M)
        strings = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', entry, re.M)
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        if msgid and (fuzzy or not strings or any(not _joined(s) for s in strings)):
            untranslated.append(_joined(msgid.group(1))[:80])
    assert untranslated == []


def _unescape(text: str) -> str:
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


@pytest.mark.parametrize("language", ["ru", "ar"])
def test_the_compiled_catalogue_says_what_its_source_says(language):
    """The .mo Django reads is compiled from this .po (``manage.py compilemessages``), not an older one."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in _entries(language):
        match = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', entry, re.M)
        if entry.startswith("#~") or not match or "msgctxt" in entry:
            continue
        msgid, msgstr = _unescape(_joined(match.group(1))), _unescape(_joined(match.group(2)))
        if msgid and catalogue.gettext(msgid) != msgstr:
            stale.append(msgid[:80])
    assert stale == []
