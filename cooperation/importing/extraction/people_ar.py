"""Arabic people: rules on how Arabic news names people, since no offline Arabic NER model ships its weights.

An Arabic news article names an official in a few fixed shapes, and each is an anchor here:

- an honorific chain before the name: «معالي الدكتور …», «صاحب السمو الشيخ …», «سعادة السيد …»;
- a title after the name, with or without a comma: «… المري، وزير الاقتصاد», «… الكعبي مدير المكتب»;
- a title before the name: «وزير الاقتصاد عبدالله بن طوق المري» (the name starts at a known given name), or a
  title/counterpart word and a nationality adjective before a transliterated foreign name: «الوزير الكازاخستاني
  …», «نظيره الروسي …»;
- a known given name followed by بن/بنت/آل or a family name with ال, with no anchor at all (lower confidence).
- a whole title phrase («رئيس الوزراء بجمهورية كوريا …», «بوزير خارجية اليابان …») before a transliterated name
  that ends where the sentence plainly goes on (punctuation, a stop word, «وولي العهد», «ونظيره», or a noun that
  starts the object: «… والوفد المرافق», «… الجولة الأولى», «… نسخة من»);
- a nationality adjective that stands for a title: an item of a list of counterparts («… نظيره المصري سامح شكري،
  والمغربي ناصر بوريطة») or a side of a signing («عن الجانب الكازاخستاني يرلان كارين»);
- a list: «كلاً من …» opens one, and a name joined by و or a comma to a name just found is one too.

A regnal number belongs to the name («الملك عبدالله الثاني»). The shapes of single words (folding, word lists,
words no name has) are in ``people_ar_words``; the token reader and its anchors in ``people_ar_reader``.

Words of prose no name has stop a name or keep it from starting: a pronoun suffix («سروره», «وصوله»), a derived
verb or verbal noun («يتسلّم», «استجابة», «باستقبال»), a state word («مملكة»), a country.

The name itself runs over given names, the particles بن/بنت/ابن/آل/أبو/عبد/ولد with the word they govern, and
other name-like words; a family name with ال (or the word after آل) ends it. A name right after an institution
word («مؤسسة محمد بن راشد …», «جائزة الشيخ …») or right before «لل…» («… للإدارة الحكومية») is part of an
organisation's name, not a person. The given names are in ``arabic_given_names.txt``.
"""

from __future__ import annotations

from .people_ar_reader import (
    _Reader,
)
from .people_ar_words import (
    _AL_CONTINUES,
    _AL_NOT_NAME,
    _COUNTERPARTS,
    _FUNCTION_WORDS,
    _HONORIFICS,
    _LINEAGE,
    _MAX_FREE_WORDS,
    _NOT_NATIONALITY,
    _OFFICE_HONORIFICS,
    _OWNER,
    _OWNER_OF,
    _PARTICLES,
    _REGNAL,
    _SPEECH_FOLLOWERS,
    _SPEECH_VERBS,
    _TITLE_HONORIFICS,
    _chain_word,
    _countries,
    _fold,
    _is_al,
    _is_nationality,
    _is_org,
    _is_side,
    _is_stop,
    _is_title,
    _listed_nationality,
    _nameish,
    _strip_conjunction,
    _verb_like,
)
from .people_base import Mention, organisation_in


def extract_arabic(text: str) -> list[Mention]:
    reader = _Reader(text)
    tokens = reader.tokens
    taken = reader.taken
    mentions: list[Mention] = []

    def add(
        names: list[int], *, chain: tuple[int, int] | None, prefix: int = 0, anchored: bool, definite: bool = False
    ) -> None:
        if not names or any(taken[i] for i in names):
            return
        regnal = names[-1] + 1
        if anchored and len(names) == 1 and reader.adjacent(names[-1], regnal) and tokens[regnal].fold in _REGNAL:
            names = [*names, regnal]
        first, last = names[0], names[-1]
        lead = chain[0] if chain else first
        # "مكتب الرئيس سلفا كير ميارديت رئيس جنوب السودان": an office-holder with a title is a person still.
        office = bool(chain) and _chain_word(tokens[lead].fold) in _OFFICE_HONORIFICS and reader.title_after(last)
        if (reader.org_before(lead) and not office) or reader.org_after(last):
            for i in range(lead, last + 1):
                taken[i] = True  # "جامع الشيخ زايد": no later rule may take the name out of the institution's
            return
        # Words with the article only are a noun phrase ("السفراء المعتمدين"), unless a given name leads them.
        # (``definite``: the caller read a given name with the article, "الطاهر الباعور", after a title.)
        if (
            not reader.given(first)
            and not definite
            and all(_is_al(tokens[i]) or tokens[i].fold in _PARTICLES for i in names)
        ):
            return
        for i in range(chain[0] if chain else first, last + 1):
            taken[i] = True
        start, end = tokens[first].start, tokens[last].end
        normal_start = start
        if prefix:
            if tokens[first].fold[:prefix] == "و":
                normal_start = start + 1  # the conjunction belongs to the sentence: kept as written, not in normal
            else:
                start = normal_start = start + prefix  # a preposition ("لمحمد") is not part of the name at all
        honorific = ""
        if chain and chain[1] > chain[0]:
            honorific = text[tokens[chain[0]].start : tokens[chain[1] - 1].end]
            if reader.dotted(chain[1] - 1):
                honorific += "."
            head = tokens[chain[0]].fold
            if head not in _HONORIFICS and head not in _OWNER and head not in _COUNTERPARTS:
                honorific = honorific[2:] if head.startswith("لل") else honorific[1:]
        span = reader.title_after(last) or reader.title_before(chain[0] if chain else first)
        title = text[span[0] : span[1]].strip(" ،,") if span else ""
        if not title and chain and chain[1] > chain[0]:
            heads = [i for i in range(*chain) if _chain_word(tokens[i].fold) in _TITLE_HONORIFICS | _COUNTERPARTS]
            if heads:
                title = text[tokens[heads[0]].start : tokens[chain[1] - 1].end]
        countries = _countries(title)
        mentions.append(
            Mention(
                name=text[start:end],
                normal=text[normal_start:end],
                start=start,
                end=end,
                title=title,
                organisation=organisation_in(title),
                country=countries[0] if countries else "",
                honorific=honorific,
                confidence=0.85 if (anchored or title or honorific) else 0.6,
            )
        )

    # 1. Honorific chains: "معالي الدكتور …", "صاحب السمو الشيخ …", "الوزير الكازاخستاني …", "نظيره الروسي …".
    for index in range(len(tokens)):
        if taken[index]:
            continue
        end = reader.chain_at(index)
        if end == index or end >= len(tokens) or not (reader.adjacent(end - 1, end) or reader.dotted(end - 1)):
            continue
        chain_words = [_chain_word(tokens[index].fold), *(tokens[i].fold for i in range(index + 1, end))]
        pure = any(w in _HONORIFICS - _TITLE_HONORIFICS or w in _OWNER_OF for w in chain_words)
        names = reader.read_name(end)
        if not names and pure:
            names = (
                reader.read_name(end, article=True)
                or _name_despite_first_word(reader, end)
                or _given_despite_stop(reader, end)
            )
        if not names:
            continue
        nationality = any(_is_nationality(tokens[i]) for i in range(index, end))
        # A bare definite title ("الرئيس …") anchors a known given name, a nationality-marked or titled foreign one.
        foreign_ok = (nationality or reader.title_after(names[-1])) and _foreign_first(reader, names, article=True)
        # "من الرئيس شي جين بينغ، …": a transliterated name with no article that ends where the sentence goes on;
        # "… السفير كوزنيسوف.": one such word right before punctuation.
        verbs = any(_verb_like(tokens[i].fold) for i in names)
        foreign_ok = foreign_ok or (
            not verbs
            and (_foreign_first(reader, names) or _foreign_surname(reader, names))
            and reader.boundary_after(names[-1], first=names[0] if len(names) >= 2 else None)
        )
        if not pure and not reader.has_given(names) and not foreign_ok:
            continue
        add(names, chain=(index, end), anchored=True)

    # 2. A title before the name: "وزير التخطيط خالد …", "وزير الخارجية الروسي سيرغي لافروف".
    for index, token in enumerate(tokens):
        if taken[index] or not _is_title(token.fold, prefixed=True):
            continue  # "والسفير الأفغاني لدى المملكة …", "ومدير المعهد …": a conjunction on the title too
        cursor = index + 1
        while cursor < len(tokens) and cursor - index <= 10 and reader.adjacent(cursor - 1, cursor):
            if taken[cursor] or reader.chain_at(cursor) != cursor:
                break
            if reader.given(cursor) and not _is_stop(tokens[cursor].fold) and not reader.org_before(cursor):
                if cursor > index + 1 and tokens[cursor - 1].fold not in _PARTICLES:
                    add(reader.read_name(cursor), chain=None, anchored=True)
                break
            if _is_nationality(tokens[cursor]) and reader.adjacent(cursor, cursor + 1):
                names = reader.read_name(cursor + 1)
                # "… الليبي الطاهر الباعور": a Maghrebi given name with the article
                after = tokens[cursor + 1]
                definite_given = not names and _is_al(after) and after.fold[2:] in reader.names
                if definite_given:
                    names = reader.read_name(cursor + 1, article=True)
                # A foreign name has no article; an Arabic one ("… المعدنية بندر بن إبراهيم الخريف") is one by
                # its given name or its بن.
                arabic = definite_given or reader.has_given(names) or any(tokens[i].fold in _LINEAGE for i in names[1:])
                if len(names) >= 2 and (arabic or _foreign_first(reader, names)):
                    add(names, chain=None, anchored=True, definite=definite_given)
                    break
            if not reader.title_object(cursor):
                # "رئيس الوزراء بجمهورية كوريا لي نيك يون.", "رئيس الوزراء شهباز شريف وولي العهد …": a foreign
                # name right after a whole title phrase, up to where the sentence plainly goes on. After a
                # conjunction ("… الحكومي وكوه جيان رئيس …") a new item of a list starts, with its own title.
                if cursor > index + 1 and not _leading_conjunction(tokens[cursor].bare):
                    names = reader.read_name(cursor)
                    verbs = any(_verb_like(tokens[i].fold) for i in names)
                    if _foreign_first(reader, names) and not verbs and reader.boundary_after(names[-1], first=names[0]):
                        add(names, chain=None, anchored=True)
                break
            cursor += 1

    # 2b. A nationality adjective as an item of a list of counterparts ("… نظيره المصري سامح شكري، والمغربي
    # ناصر بوريطة") or after «الجانب» ("وقّع عن الجانب الكازاخستاني يرلان كارين"): it stands for "the X minister"
    # or "the X side", so a name right after it is anchored as after a title.
    for index, token in enumerate(tokens):
        if taken[index] or not reader.adjacent(index, index + 1):
            continue
        side = index > 0 and reader.adjacent(index - 1, index) and _is_side(tokens[index - 1].fold)
        if not (_listed_nationality(token) or (side and _is_nationality(token))):
            continue
        names = reader.read_name(index + 1)
        if not names or taken[index + 1]:
            continue
        foreign = _foreign_first(reader, names) and reader.boundary_after(names[-1], first=names[0])
        if len(names) >= 2 and (reader.given(names[0]) or foreign):
            add(names, chain=None, anchored=True)

    # 3. A title after the name, with or without a comma: walk back from the title.
    for index, token in enumerate(tokens):
        if not _is_title(token.fold) or index == 0 or taken[index] or taken[index - 1]:
            continue
        if reader.gap(index - 1, index) == "break":
            continue
        names = _walk_back(reader, index - 1)
        if names:
            prefix = max(reader.given_with_prefix(names[0]), 0)
            if prefix == 0 and not reader.given(names[0]) and _leading_conjunction(tokens[names[0]].bare):
                prefix = 1
            add(names, chain=None, prefix=prefix, anchored=True)

    # 4. No anchor: a known given name and a family name ("وأكدت عهود الرومي"), or بن/آل.
    for index in range(len(tokens)):
        if taken[index]:
            continue
        prefix = reader.given_with_prefix(index)
        if prefix < 0:
            continue
        # "… خالد العنزي، وسعيد الهاجري": right after a name just found (a comma or و between) even a given name
        # that is also an everyday word starts the next name of the list.
        joined = prefix <= 1 and index > 0 and any(m.end == tokens[index - 1].end for m in mentions)
        joined = joined and (
            (prefix == 1 and tokens[index].fold[0] == "و" and reader.gap(index - 1, index) != "break")
            or reader.gap(index - 1, index) == "comma"
        )
        if _fold(tokens[index].fold[prefix:]) in reader.ambiguous and not joined:
            continue
        if index > 0 and reader.adjacent(index - 1, index) and tokens[index - 1].fold in _PARTICLES:
            continue
        if prefix == 0 and reader.given(index):
            names = reader.read_name(index)
        else:
            names = [index, *reader.read_name(index + 1)] if reader.adjacent(index, index + 1) else [index]
            names = names if len(names) > 1 and names[1] == index + 1 else [index]
            whole = reader.read_name(index)  # "وفهد المطيري": a family name with ال right after the given name
            if len(names) < 2 and len(whole) >= 2 and whole[0] == index:
                names = whole
        # "فلاديمير تشيجوف ونيكولاي باتروشيف": a given name with و starts the next item of a list.
        item = next((p for p, i in enumerate(names[1:], 1) if reader.given_with_prefix(i) > 0), len(names))
        names = names[:item]
        if len(names) < 2:
            continue
        words = [tokens[i] for i in names]
        strong = any(w.fold in _PARTICLES for w in words[1:]) or (
            _is_al(words[-1]) and words[-1].fold not in _AL_CONTINUES and not _countries(words[-1].text)
        )
        if not strong and len(names) <= 3 and prefix == 0:
            strong = _spoken(reader, names) or _introduced(reader, index)
        # "… فلاديمير تشيجوف ونيكولاي باتروشيف": a name joined by و (or a comma) to a name just found is one too.
        if not strong and len(names) <= 3:
            strong = joined
        if strong and not any(_is_title(w.fold, prefixed=True) for w in words):
            add(names, chain=None, prefix=prefix, anchored=False)

    mentions.sort(key=lambda m: m.start)
    return mentions


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


def _given_despite_stop(reader: _Reader, start: int) -> list[int]:
    """ "الشيخ صباح خالد": right after an honorific a given name that is also a time word or a verb is the name's
    first word, when a name goes on after it."""
    if reader.tokens[start].fold not in reader.names or not reader.adjacent(start, start + 1):
        return []
    rest = reader.read_name(start + 1)
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
    if first.endswith("ة") or (first[:1] == "ي" and first[1:2] not in "اوي"):
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
    if fold[:1] in "يت" and fold[1:2] not in "اوي":
        return False
    following = index + 1
    return following >= len(reader.tokens) or reader.gap(index, following) != "space"


def _introduced(reader: _Reader, first: int) -> bool:
    """ "ضم الوفد كلاً من فلاديمير تشيجوف …", "بحضور كل من …": «كل من» introduces a list of people."""
    tokens = reader.tokens
    if first < 2 or not reader.adjacent(first - 2, first - 1) or not reader.adjacent(first - 1, first):
        return False
    return tokens[first - 1].fold == "من" and _strip_conjunction(tokens[first - 2].fold) in {"كل", "كلا"}


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
        if not _nameish(token) and not (fold.startswith("و") and reader.given_with_prefix(index) > 0):
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
