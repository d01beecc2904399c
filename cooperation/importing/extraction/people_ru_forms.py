"""Russian word forms: the nominative of a name or a title, from pymorphy3 where it knows the word and from the
regular case endings where it does not (foreign names). ``people_ru`` reads the names; this module only
inflects them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Nouns that head a title ("заместитель Министра ..."): the name after them is in the same case.
HEAD_LEMMAS = {
    "министр", "замминистра", "заместитель", "посол", "председатель", "зампред", "зампредседателя", "директор",
    "замдиректора", "глава", "замглавы", "руководитель", "замруководителя", "ректор", "проректор", "президент",
    "вице-президент", "премьер-министр", "премьер", "вице-премьер", "советник", "начальник", "секретарь",
    "статс-секретарь", "госсекретарь", "генсек", "губернатор", "мэр", "аким", "хоким", "посланник", "консул",
    "генконсул", "помощник", "вице-министр", "представитель", "постпред", "полпред", "торгпред", "атташе",
    "управляющий", "заведующий", "уполномоченный", "член", "лидер", "спикер", "вице-спикер", "депутат",
    "сенатор", "принц", "король", "эмир", "канцлер", "судья", "прокурор", "генпрокурор", "омбудсмен",
    "координатор", "комиссар", "декан", "командующий", "администратор", "чиновник", "дипломат",
}  # fmt: skip


# Lower-case (or capitalised) particles inside Arabic, Dutch, German, Spanish... names.
PARTICLES = {
    "бин", "ибн", "бен", "бинт", "аль", "эль", "ал", "ас", "ад", "ат", "ар", "аш", "аз", "ан", "эд", "эш", "абу",
    "фон", "ван", "дер", "де", "ди", "да", "дель", "делла", "ла", "ле", "дос", "дю", "оглы", "кызы", "уулу",
}  # fmt: skip


_CAPITAL_PARTICLES = {"Аль", "Эль", "Ал", "Абу", "Бин", "Ибн", "Бен"}


_VOWELS = set("аеёиоуыэюя")


_HUSHING = set("жшчщц")


@lru_cache(maxsize=1)
def morph_analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20000)
def parses_of(word: str):
    return tuple(morph_analyzer().parse(word))


@lru_cache(maxsize=20000)
def lemma_of(word: str) -> str:
    lemma = parses_of(word)[0].normal_form
    if "-" in lemma and lemma not in HEAD_LEMMAS:
        # "экс-министр", "вице-губернатор": the last part decides.
        tail = parses_of(word.rsplit("-", 1)[1])[0].normal_form
        if tail in HEAD_LEMMAS:
            return tail
    return lemma


def is_head(word: str) -> bool:
    return word[:1].isalpha() and lemma_of(word.lower()) in HEAD_LEMMAS


def capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


_SURNAME_ENDINGS = re.compile(r"^(?P<stem>.+(?:ов|ев|ёв|ин|ын))(?P<ending>а|у|ым|е|ой|ою)$")


_ADJECTIVE_SURNAME = re.compile(r"^(?P<stem>.+(?:ск|цк))(?P<ending>ого|ому|им|ом|ой|ую|ая|ий)$")


def _russian_surname(word: str, case: str) -> str | None:
    """Nominative of a Russian-shaped surname (Иванова, Залесского), or None when the word is not one."""
    match = _SURNAME_ENDINGS.match(word)
    if match:
        stem, ending = match.group("stem"), match.group("ending")
        if ending in ("ой", "ою"):
            return stem + "а"
        if ending == "а":
            return word if case == "nomn" else stem
        if ending == "у":
            return stem + "а" if case == "accs" else stem
        return stem  # ым, е
    match = _ADJECTIVE_SURNAME.match(word)
    if match:
        stem, ending = match.group("stem"), match.group("ending")
        if ending in ("ой", "ая") and case == "nomn":
            return word
        if ending in ("ой", "ую", "ая"):
            return stem + "ая"
        return stem + "ий"
    return None


def _foreign_nominative(word: str, case: str, gender: str) -> str:
    """Undo the regular case ending of a word Russian declines but pymorphy does not know."""
    low = word.lower()
    if len(low) < 3 or case == "nomn":
        return word

    def before(n: int) -> str:
        return low[-n - 1] if len(low) > n else ""

    if case in ("gent", "accs"):
        if low.endswith("ии"):
            return word[:-1] + "я"
        if low.endswith("ы"):
            return word[:-1] + "а"
        if low.endswith("у") and case == "accs" and before(1) not in _VOWELS:
            return word[:-1] + "а"
        if low.endswith("а") and before(1) not in _VOWELS and gender != "femn":
            return word[:-1]
        if low.endswith("я") and gender != "femn":
            return word[:-1] + ("й" if before(1) in _VOWELS else "ь")
    elif case == "datv":
        if low.endswith("у") and before(1) not in _VOWELS:
            return word[:-1]
        if low.endswith("ю"):
            return word[:-1] + ("й" if before(1) in _VOWELS else "ь")
        if low.endswith("ии"):
            return word[:-1] + "я"
        if low.endswith("е") and before(1) not in _VOWELS:
            return word[:-1] + "а"
    elif case == "ablt":
        if low.endswith("ом") and len(low) > 3:
            return word[:-2]
        if low.endswith(("ем", "ём")) and len(low) > 3:
            if before(2) in _VOWELS:
                return word[:-2] + "й"
            return word[:-2] + ("" if before(2) in _HUSHING else "ь")
        if low.endswith(("ой", "ою")):
            return word[:-2] + "а"
        if low.endswith(("ей", "ею")) and before(2) not in _VOWELS:
            return word[:-2] + "я"
    elif case == "loct":
        if low.endswith("ии"):
            return word[:-1] + "я"
        if low.endswith("е") and before(1) not in _VOWELS:
            return word[:-1] + ("а" if gender == "femn" else "")
    return word


def word_nominative(word: str, case: str, gender: str) -> str:
    if case == "nomn" or not word[:1].isupper() or particle(word) or re.fullmatch(r"\w\.", word):
        return word
    if "-" in word:
        head, tail = word.rsplit("-", 1)
        if tail[:1].isupper():
            return f"{head}-{word_nominative(tail, case, gender)}"
        return word
    cases = {case, "gent"} if case == "accs" else {case}
    for parse in parses_of(word):
        tag = parse.tag
        if not parse.is_known or not ({"Name", "Surn", "Patr"} & tag.grammemes) or tag.case not in cases:
            continue
        if tag.number == "plur" or (gender and tag.gender in ("masc", "femn") and tag.gender != gender):
            continue
        inflected = parse.inflect({"nomn", "sing"})
        if inflected is not None:
            result = capitalise(inflected.word)
            return result if "ё" in word.lower() else result.replace("ё", "е")  # as the article spells it
    surname = _russian_surname(word, case)
    if surname is not None:
        return surname
    return _foreign_nominative(word, case, gender)


def gender_of(words: list[str], case: str) -> str:
    """ "femn" when a word shows a woman's name (Ивановой, Шапкина in the nominative), else "" (unknown)."""
    for word in words:
        low = word.lower()
        if re.search(r"(?:ов|ев|ёв|ин|ын)(?:ой|ою)$|(?:ск|цк)(?:ой|ую|ая)$", low) and not (
            case == "nomn" and low.endswith("ой")
        ):
            return "femn"
        if case == "nomn" and re.search(r"(?:ов|ев|ёв|ин|ын)а$", low):
            return "femn"
    for word in words:
        for parse in parses_of(word):
            if parse.is_known and "Name" in parse.tag.grammemes and parse.tag.case == case:
                return "femn" if parse.tag.gender == "femn" else "masc"
    return ""


def particle(word: str) -> bool:
    return word in PARTICLES or word in _CAPITAL_PARTICLES


def title_nominative(title: str) -> str:
    """Each comma-separated title with the words up to its head noun in the nominative
    ("заместителем Министра" -> "заместитель Министра")."""
    # "председателем Кабинета министров - руководителем Администрации": two posts joined by a dash, two heads
    return ", ".join(
        "".join(
            part if index % 2 else _segment_nominative(part)
            for index, part in enumerate(re.split(r"(\s+[-–—]\s+)", segment))
        )
        for segment in title.split(", ")
    )


def _segment_nominative(title: str) -> str:
    words = title.split()
    out: list[str] = []
    head_done = False
    for word in words:
        if head_done:
            out.append(word)
            continue
        parse = parses_of(word)[0]
        head = is_head(word)
        if head:
            nouns = [p for p in parses_of(word) if p.tag.POS == "NOUN" and p.tag.number != "plur"] or [parse]
            parse = nouns[0]
        else:
            adjectives = [p for p in parses_of(word) if p.tag.POS in ("ADJF", "PRTF") and p.tag.gender != "neut"]
            parse = adjectives[0] if adjectives else parse
        inflected = parse.inflect({"nomn", "sing"}) if parse.tag.POS in ("NOUN", "ADJF", "PRTF") else None
        if inflected is not None and parse.tag.POS != "NOUN" and parse.tag.gender != "femn":
            inflected = inflected.inflect({"masc"}) or inflected
        out.append(_cased(word, inflected.word if inflected else word))
        if head:
            head_done = True
    return " ".join(out)


def phrase_nominative(phrase: str) -> str:
    """A document's name as the review shows it: the words up to its first noun in the nominative, as the sentence's
    case left them ("дорожную карту сотрудничества до 2030 года" -> "дорожная карта сотрудничества до 2030 года")."""
    words = phrase.split()
    for index, word in enumerate(words):
        nouns = [p for p in parses_of(word) if p.tag.POS == "NOUN"]
        if not nouns:
            continue
        noun = nouns[0]
        head = noun.inflect({"nomn", noun.tag.number or "sing"})
        if head is None:
            return phrase
        out = []
        for before in words[:index]:  # the adjectives that agree with it ("дорожную")
            adjectives = [p for p in parses_of(before) if p.tag.POS in ("ADJF", "PRTF")]
            grammemes = {"nomn", head.tag.number or "sing"} | ({head.tag.gender} if head.tag.gender else set())
            form = adjectives[0].inflect(grammemes) if adjectives else None
            out.append(_cased(before, form.word) if form else before)
        return " ".join([*out, _cased(word, head.word), *words[index + 1 :]])
    return phrase


def _cased(original: str, new: str) -> str:
    return capitalise(new) if original[:1].isupper() else new
