"""Shapes found in the fifteenth round and in the fresh articles read on `make run` (docs/importing.md), each
written here in invented words."""

from __future__ import annotations

import pytest

from .extracted import values

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("family", ["فيتسلان", "ويتراند", "فيتفيلن"])
def test_a_transliterated_family_name_shaped_like_a_verb_ends_the_name_before_a_comma(family):
    # "فيتسلان" reads as ف + an imperfect verb; inside a foreign name closed by a comma it is the family name.
    text = f"استقبل وزير الخارجية العماني معالي كارين {family}، وزيرة الخارجية النرويجية التي تزور السلطنة."
    people = [p["normal"] for p in values(text, "people")]
    assert f"كارين {family}" in people


def test_a_verb_after_a_name_is_still_no_part_of_it():
    text = "التقى وزير الخارجية العماني معالي كارين سولبرغ ويتسلم، في ختام الزيارة، رسالة من رئيس الوزراء."
    people = [p["normal"] for p in values(text, "people")]
    assert "كارين سولبرغ" in people
