"""``DJANGO_LOG_FORMAT=json``: every record is one line of valid JSON, whatever the message holds."""

from __future__ import annotations

import json
import logging

from govex.logging import JsonFormatter


def format_record(message: str, *args, exc_info=None, **extra) -> str:
    logger = logging.getLogger("govex.test")
    record = logger.makeRecord("govex.test", logging.ERROR, __file__, 1, message, args, exc_info, extra=extra)
    return JsonFormatter().format(record)


def test_quotes_newlines_and_scripts_in_a_message_stay_inside_the_string():
    hostile = 'Шапкиной "Ю.А."\n{"level": "forged"}\u202e</script>'

    line = format_record("imported %s", hostile)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == f"imported {hostile}"
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "govex.test"


def test_a_traceback_and_extra_fields_are_kept():
    try:
        raise ValueError("bad row 3")
    except ValueError:
        import sys

        line = format_record("import failed", exc_info=sys.exc_info(), document_id=42)

    entry = json.loads(line)
    assert entry["document_id"] == 42
    assert "ValueError: bad row 3" in entry["exception"]
    assert "\n" not in line
