"""Name normalisation shared by search, the API's ``q`` filter and import matching.

One official is written "Shapkina", "Шапкиной Ю.А." and "Yulia Shapkina"; Arabic names come with and
without diacritics and with several alef forms. Everything that compares or searches names goes through
``normalize`` (same script, forgiving of case, diacritics and punctuation) and ``search_key`` (a Latin
skeleton, so Cyrillic and Latin spellings of one name meet).
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": "",  # tatweel
    }
)

# Russian/Belarusian/Kazakh Cyrillic to a plain Latin spelling close to common English transliteration.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ў": "u", "ә": "a",
    "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}  # fmt: skip

# Spelling variants that transliteration systems disagree on, applied to the Latin form in order. The result
# is a skeleton for retrieval, not a spelling: Yulia/Yuliya/Юлия, Sergey/Sergei, Zalessky/Залесский and
# Kupitayenko/Купитаенко each meet; fuzzy scoring (rapidfuzz) ranks what a skeleton retrieves.
_LATIN_FOLDS = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"shch|sch"), "sh"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"i(?=[aeiou])"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


def normalize(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form in the text's own script."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_ARABIC_FOLD).casefold().replace("ё", "е")
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def transliterate(text: str) -> str:
    """Cyrillic to Latin, keeping capitals ("Юлия" → "Yuliya"); other scripts pass through unchanged."""
    out = []
    for ch in text:
        latin = _CYRILLIC.get(ch)
        if latin is None and ch.lower() in _CYRILLIC:
            latin = _CYRILLIC[ch.lower()].capitalize()
        out.append(ch if latin is None else latin)
    return "".join(out)


def search_key(text: str) -> str:
    """A Latin skeleton of a name: "Шапкина", "Shapkina" and "SHAPKINA" give the same key."""
    key = transliterate(normalize(text))
    for pattern, replacement in _LATIN_FOLDS:
        key = pattern.sub(replacement, key)
    return key


# The languages govex keeps name forms and documents in, by the script they are written in.
LANGUAGE_OF_SCRIPT = {"Arab": "ar", "Cyrl": "ru", "Latn": "en"}


def language_of_script(script: str) -> str:
    """ "ar" for Arab, "ru" for Cyrl, "en" for Latn; "" for a script govex keeps no language for."""
    return LANGUAGE_OF_SCRIPT.get(script, "")


def script_of(text: str) -> str:
    """ISO 15924 code of the dominant script of ``text`` (Latn, Cyrl, Arab, Hang, ...)."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        for prefix, code in (
            ("LATIN", "Latn"),
            ("CYRILLIC", "Cyrl"),
            ("ARABIC", "Arab"),
            ("HANGUL", "Hang"),
            ("CJK", "Hani"),
            ("GEORGIAN", "Geor"),
        ):
            if name.startswith(prefix):
                counts[code] = counts.get(code, 0) + 1
                break
    return max(counts, key=counts.get) if counts else "Zyyy"
