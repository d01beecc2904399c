"""Shapes of a name and of the words around it that ``people_ar`` tests: a transliterated first word or surname,
a first word that is also a verb, a name as the subject of a verb of saying or of the genre's acts, a name
walked back from the title after it."""

from __future__ import annotations

import itertools

from .cities import find_cities
from .people_ar_reader import (
    _Reader,
)
from .people_ar_words import (
    _ACT_VERBS,
    _AL_CONTINUES,
    _AL_NOT_NAME,
    _FUNCTION_WORDS,
    _LINEAGE,
    _MAX_FREE_WORDS,
    _NOT_NATIONALITY,
    _PARTICLES,
    _SPEECH_FOLLOWERS,
    _SPEECH_VERBS,
    _countries,
    _is_al,
    _is_org,
    _is_stop,
    _is_title,
    _nameish,
    _strip_conjunction,
    _title_prefix,
    _transliterated_h,
    _verb_like,
)


def _name_despite_first_word(reader: _Reader, start: int) -> list[int]:
    """ "والبروفسير كان بوبكر وزير الصحة": after an honorific and before a title, a first word that is also a
    verb ("كان" is a Fulani family name too) is a name; a preposition or a conjunction never is."""
    tokens = reader.tokens
    if start + 1 >= len(tokens) or not reader.adjacent(start, start + 1):
        return []
    fold = tokens[start].fold
    if len(fold) < 3 or fold in _FUNCTION_WORDS or fold in _SPEECH_VERBS or not _is_stop(fold):
        return []
    if _is_title(fold, prefixed=True) or _is_org(fold) or _is_al(tokens[start]):
        return []
    rest = reader.read_name(start + 1)
    if not rest or len(rest) > 3 or not reader.title_after(rest[-1]):
        return []
    return [start, *rest]


def _closes_in_ta(reader: _Reader, index: int) -> bool:
    """ "، أبكر رحمة،": a word in ة right after a name and right before punctuation (a feminine noun that starts
    the sentence's object has words after it)."""
    tokens = reader.tokens
    if index >= len(tokens) or not reader.adjacent(index - 1, index) or not tokens[index].fold.endswith("ة"):
        return False
    if _is_al(tokens[index]) or _is_stop(tokens[index].fold) or _is_title(tokens[index].fold, prefixed=True):
        return False
    return index + 1 >= len(tokens) or reader.gap(index, index + 1) != "space"


def _conjoined_verb(fold: str) -> bool:
    """ "ويجري", "وتبحث": a conjunction on an imperfect verb (a long vowel after the prefix is a name: "ويليام")."""
    return len(fold) >= 4 and fold[0] in "وف" and fold[1] in "يت" and fold[2] not in "اوي"


def _definite_given_closed(reader: _Reader, start: int) -> list[int]:
    """ "السفير الهادي الصديق.": a known given name written with the article ("الهادي", "الطاهر") after a title
    starts a name when the name is closed by punctuation (a definite noun phrase runs on into the sentence)."""
    token = reader.tokens[start]
    if not _is_al(token) or token.fold[2:] not in reader.names or _is_stop(token.fold):
        return []
    names = reader.read_name(start, article=True)
    if not 2 <= len(names) <= 4:
        return []
    following = names[-1] + 1
    return names if following >= len(reader.tokens) or reader.gap(names[-1], following) != "space" else []


def _given_despite_stop(reader: _Reader, start: int) -> list[int]:
    """ "الشيخ صباح خالد": right after an honorific a given name that is also a time word or a verb is the name's
    first word, when a name goes on after it, with the article too ("الشيخ صباح الخالد")."""
    if reader.tokens[start].fold not in reader.names or not reader.adjacent(start, start + 1):
        return []
    rest = reader.read_name(start + 1)
    if not rest:  # "الشيخ صباح الخالد لوفد …", "الشيخ صباح الأحمد الجابر الصباح": the family names with the article
        rest = list(itertools.takewhile(lambda i: _is_al(reader.tokens[i]), reader.read_name(start + 1, article=True)))
    return [start, *rest] if rest else []


def _foreign_first(reader: _Reader, names: list[int], *, article: bool = False) -> bool:
    """A transliterated name of two words or more with no article: its first word is not a feminine noun in ة
    ("مسيرة علاقات …", "دعوة رسمية"), an imperfect verb ("يبحث سبل …") nor a verbal noun after a preposition
    ("بترحيب حار", "بمشاركة واسعة"), unless it is a known given name."""
    if len(names) < 2 or (not article and any(_is_al(reader.tokens[i]) for i in names)):
        return False
    first = reader.tokens[names[0]].fold
    if reader.given(names[0]):
        return True
    folds = [reader.tokens[i].fold for i in names]
    if all(f.endswith("ا") for f in folds) and folds[-1].endswith("يا") and not first.endswith("يا"):
        return False  # "اتصالا هاتفيا", "وفدا رسميا": an indefinite accusative noun and its adjective
    if first.endswith("ة") or (first[:1] == "ي" and first[1:2] not in "اوي" and len(first) >= 4):
        return False
    return not (len(first) >= 5 and first[:2] in {"بت", "بم", "لت", "لم"} and first not in reader.names)


def _foreign_surname(reader: _Reader, names: list[int]) -> bool:
    """A single transliterated word right before punctuation ("السفير كوزنيسوف."): no article, no ة, no imperfect
    prefix, not an everyday word of the name list, four letters or more."""
    if len(names) != 1:
        return False
    index = names[0]
    token = reader.tokens[index]
    fold = token.fold
    if _is_al(token) or fold in reader.ambiguous or len(fold) < 4 or fold.endswith(("ة", "ا", "ات")):
        return False
    stem = fold[1:] if fold[:1] in "وف" and len(fold) > 4 else fold  # "ويجري": a conjunction and a verb
    if stem[:1] in "يت" and stem[1:2] not in "اوي":
        return False
    following = index + 1
    return following >= len(reader.tokens) or reader.gap(index, following) != "space"


def _introduced(reader: _Reader, first: int) -> bool:
    """ "ضم الوفد كلاً من فلاديمير تشيجوف …", "بحضور كل من …": «كل من» introduces a list of people."""
    tokens = reader.tokens
    if (
        first >= 3  # "كلاً من النواب: خلدون حينا، …": the list's people named by their office first
        and reader.text[tokens[first - 1].end : tokens[first].start].strip() == ":"
        and reader.adjacent(first - 3, first - 2)
        and reader.adjacent(first - 2, first - 1)
        and tokens[first - 2].fold == "من"
        and _strip_conjunction(tokens[first - 3].fold) in {"كل", "كلا"}
    ):
        return True
    if first < 2 or not reader.adjacent(first - 2, first - 1) or not reader.adjacent(first - 1, first):
        return False
    return tokens[first - 1].fold == "من" and _strip_conjunction(tokens[first - 2].fold) in {"كل", "كلا"}


def _country_as_given(reader: _Reader, index: int) -> bool:
    """ "رئيسة الوزراء الإيطالية جورجيا ميلوني": right after a nationality adjective a country's name is no
    title's object; it is a given name when a transliterated name goes on after it to a boundary."""
    token = reader.tokens[index]
    if _is_al(token) or not _countries(token.text) or not reader.adjacent(index, index + 1):
        return False
    rest = reader.read_name(index + 1)
    return 1 <= len(rest) <= 2 and not _is_al(reader.tokens[rest[-1]]) and reader.boundary_after(rest[-1])


def _acting(reader: _Reader, names: list[int]) -> bool:
    """ "أجرى ناصر بوريطة، يوم الاثنين، مباحثات": a name right after a verb of the genre's acts is its subject,
    when punctuation or a stop word closes it (an object runs on into the sentence)."""
    first, last, tokens = names[0], names[-1], reader.tokens
    if first == 0 or not reader.adjacent(first - 1, first):
        return False
    if _strip_conjunction(tokens[first - 1].fold) not in _ACT_VERBS:
        return False
    following = last + 1
    return following >= len(tokens) or reader.gap(last, following) != "space" or _is_stop(tokens[following].fold)


def _spoken(reader: _Reader, names: list[int]) -> bool:
    """A name between a verb of saying and what was said: "وقالت عائشة ميران إن …"."""
    first, last, tokens = names[0], names[-1], reader.tokens
    if first == 0 or not reader.adjacent(first - 1, first):
        return False
    if _strip_conjunction(tokens[first - 1].fold) not in _SPEECH_VERBS:
        return False
    if last + 1 < len(tokens) and reader.adjacent(last, last + 1):
        return tokens[last + 1].fold in _SPEECH_FOLLOWERS
    return reader.text[tokens[last].end :].lstrip(" ")[:1] == ":"


def _leading_conjunction(bare: str) -> bool:
    """ "وإيمانويل", "وكوه": a و before a name that is not itself a name starting with و ("وليد", "وانغ")."""
    return (bare[:1] == "و" and len(bare) > 3 and bare[1] not in "اوي") or bare.startswith("وو")


def _walk_back(reader: _Reader, last: int) -> list[int]:
    """The name that ends at token ``last`` (a title follows it), walking back to where the sentence resumes."""
    tokens = reader.tokens
    names: list[int] = []
    index = last
    while index >= 0 and len(names) < 7:
        if names and not reader.adjacent(index, names[0]):
            break
        token = tokens[index]
        fold = token.fold
        if fold in _PARTICLES:
            if not names:
                return []
            names.insert(0, index)
            index -= 1
            continue
        if _is_title(fold, prefixed=True) and not names:
            return []  # "رئيس مجلس الوزراء حاكم دبي": between two titles is the first one's object
        if _is_title(fold) or reader.chain_at(index) != index:
            if _is_title(fold):
                return []
            break
        syllable = bool(names) and _transliterated_h(fold) and not _is_al(tokens[names[0]])  # "بوي ثانه سون"
        # "محمد شحاته مدير …": a family name in ه (Egyptian spelling of ة) right before the title, after a given name
        syllable = syllable or (
            not names and fold.endswith("ه") and reader.adjacent(index - 1, index) and reader.given(index - 1)
        )
        if not _nameish(token) and not syllable and not (fold.startswith("و") and reader.given_with_prefix(index) > 0):
            break
        if _is_al(token):
            governed = index > 0 and _strip_conjunction(tokens[index - 1].fold) == "عبد"  # "وعبد الكريم"
            # "الكسندر لافرينتييف": a given name written without its hamza reads like one with the article.
            given = reader.given(index)
            if names and tokens[names[0]].fold not in _PARTICLES and fold not in _AL_CONTINUES and not governed:
                if not given:
                    break
                names.insert(0, index)
                break
                break
            if fold in _AL_NOT_NAME or fold in _NOT_NATIONALITY or _countries(token.text):
                break
        names.insert(0, index)
        # A given name after a conjunction or preposition ("ومحمد") starts the name.
        if reader.given_with_prefix(index) > 0:
            break
        index -= 1
    # A name does not start with a particle governed by nothing ("بن طوق" alone is still a name: keep it).
    while names and tokens[names[0]].fold in _PARTICLES - {"بن", "أبو", "ابو", "بو", "عبد"}:
        names.pop(0)
    if not names:
        return []
    givens = [p for p, i in enumerate(names) if reader.given_with_prefix(i) >= 0]
    givens = [p for p in givens if p == 0 or tokens[names[p - 1]].fold not in _PARTICLES]
    # The word before the first بن/بنت/ولد is the person's own given name, known or not ("اسلكو ولد احمد").
    sons = [p - 1 for p, i in enumerate(names) if p > 0 and tokens[i].fold in _LINEAGE]
    starts = givens[:1] + sons[:1]
    if starts:
        names = names[min(starts) :]  # words before the name's first word are the sentence's, not the name's
    else:
        if any(_is_al(tokens[i]) for i in names):
            return []  # an unknown word and a definite noun: "حضر الاستقبال"
        names = names[-3:]
        first = names[0]
        # "ووقعه كل من شنول قازانجي المدير العام …": after a stop word or a comma the words are the name itself.
        opened = not reader.adjacent(first - 1, first) or _is_stop(tokens[first - 1].fold)
        title = last + 1
        if title < len(tokens) and reader.gap(last, title) == "space" and _is_al(tokens[title]) and not opened:
            return []  # "حطّت طائرة الرئيس …": a definite title right after unknown words is their noun's object
        if any(tokens[i].fold.endswith("ة") for i in names):
            return []  # "زيارة وزير …", "استجابة لدعوة …": a feminine noun in a construct, not a name
        if any(_countries(tokens[i].text) for i in names):
            return []  # "قادماً من تركيا يترأسه وزير …": a country is no part of a name
    free = [i for p, i in enumerate(names) if p == 0 or tokens[names[p - 1]].fold not in _PARTICLES]
    if len(names) < 2 or len(free) > _MAX_FREE_WORDS + 1:
        return []
    return names


def _closed_arabic(reader: _Reader, names: list[int]) -> bool:
    """ "السفير ضاري العجران، …", "رئيس هيئة التخطيط تيسير الرداوي ومعاون …": after a title, a given name the
    lexicon lacks and one family name with the article, closed by punctuation or the next title, is an Arabic
    name; prose after a title runs on instead ("السفير كلمة الافتتاح في …"), and a feminine noun or a verb is no
    given name."""
    if len(names) != 2:
        return False
    first, last = (reader.tokens[i] for i in names)
    following = names[-1] + 1
    closed = following >= len(reader.tokens) or reader.gap(names[-1], following) != "space"
    # "… تيسير الرداوي ومعاون وزير …": a conjunction on the next title closes it too
    closed = closed or (_title_prefix(reader.tokens[following].fold) == 1 and reader.tokens[following].fold[0] == "و")
    shaped = (
        closed
        and not _is_al(first)
        and _is_al(last)
        and not first.fold.endswith(("ة", "ه"))
        and first.fold[0] not in "بلك"  # "أشاد المدير العام بجهود الفرق.": a preposition starts prose, not a name
        and not _verb_like(first.fold)
        and not _conjoined_verb(first.fold)
    )
    if not shaped:
        return False
    # the city patterns last, once the cheap tests have passed: "برام الله" is a city of two words after a preposition
    span = reader.text[first.start : last.end]
    return not any(end == len(span) for _city, _written, _start, end in find_cities(span))
