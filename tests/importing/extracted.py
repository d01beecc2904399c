"""What extraction reads from a text, in the shapes the import tests compare."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction import extract_all


def values(text: str, section: str) -> list[dict]:
    return [item["value"] for item in extract_all(text)[section]]


def kinds_and_days(text: str) -> list[tuple[str, str | None]]:
    return [(event["kind"], event["start"]) for event in values(text, "events")]


def cases_by_shape(shapes: dict[str, list]) -> list:
    """Parametrize cases grouped by the shape of text they show, each named after its shape and number."""
    return [
        pytest.param(*(case if isinstance(case, tuple) else (case,)), id=f"{shape} {number}")
        for shape, cases in shapes.items()
        for number, case in enumerate(cases, 1)
    ]
