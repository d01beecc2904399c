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
- an apposition: a name set off by commas right after a whole title phrase, a counterpart or a listed
  nationality («وزير الشؤون الخارجية لجمهورية جيبوتي، عبد القادر حسين عمر،», «والبيروفية، ايدا …»), the house
  style of the Maghreb agencies;
- a name in quotation marks after a title (‹السفير "لونغ كوك هوي"›), and the subject of a verb of the genre's
  acts closed by punctuation («أجرى ناصر بوريطة، يوم …»).

A regnal number belongs to the name («الملك عبدالله الثاني»). The shapes of single words (folding, word lists,
words no name has) are in ``people_ar_words``; the token reader and its anchors in ``people_ar_reader``; the
shapes of a name and of the words around it in ``people_ar_shapes``.

Words of prose no name has stop a name or keep it from starting: a pronoun suffix («سروره», «وصوله»), a derived
verb or verbal noun («يتسلّم», «استجابة», «باستقبال»), a state word («مملكة»), a country.

The name itself runs over given names, the particles بن/بنت/ابن/آل/أبو/عبد/ولد with the word they govern, and
other name-like words; a family name with ال (or the word after آل) ends it. A name right after an institution
word («مؤسسة محمد بن راشد …», «جائزة الشيخ …») or right before «لل…» («… للإدارة الحكومية») is part of an
organisation's name, not a person. The given names are in ``arabic_given_names.txt``.
"""

from __future__ import annotations

import re

from .countries import dealt_with
from .people_ar_mentions import finish_mentions
from .people_ar_reader import (
    _Reader,
)
from .people_ar_shapes import (
    _acting,
    _closed_arabic,
    _closes_in_ta,
    _conjoined_verb,
    _country_as_given,
    _definite_given_closed,
    _foreign_first,
    _foreign_surname,
    _given_despite_stop,
    _introduced,
    _leading_conjunction,
    _name_despite_first_word,
    _spoken,
    _walk_back,
)
from .people_ar_words import (
    _AL_CONTINUES,
    _COUNTERPARTS,
    _HONORIFICS,
    _LINEAGE,
    _OFFICE_HONORIFICS,
    _OWNER,
    _OWNER_OF,
    _PARTICLES,
    _REGNAL,
    _SHEIKH,
    _TITLE_HONORIFICS,
    _chain_word,
    _countries,
    _fold,
    _folded,
    _is_al,
    _is_nationality,
    _is_side,
    _is_stop,
    _is_title,
    _listed_nationality,
    _malian_title,
    _nameish,
    _title_prefix,
    _verb_like,
)
from .people_base import Mention, organisation_in

_FROM = _fold("من")
_CREDENTIALS = _folded("نسخة أوراق")  # "… نسخة من أوراق اعتماده", "… أوراق اعتماده"


def extract_arabic(text: str) -> list[Mention]:
    # "الرئيس الإندونيسي /برابوو سوبيانتو/": some agencies set names between slashes; read as spaces (the same
    # length, so every offset still points into the text as written).
    reader = _Reader(text.replace("/", " "))
    tokens = reader.tokens
    taken = reader.taken
    mentions: list[Mention] = []

    def add(
        names: list[int],
        *,
        chain: tuple[int, int] | None,
        prefix: int = 0,
        anchored: bool,
        definite: bool = False,
        title_span: tuple[int, int] | None = None,
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
        if (
            not chain
            and first > 0
            and reader.adjacent(first - 1, first)
            and tokens[first - 1].fold == "في"
            and not reader.given(first)
        ):
            return  # "في ضوء قرار …", "في وقت لاحق": after «في» comes a place or a phrase, not a person
        for i in range(chain[0] if chain else first, last + 1):
            taken[i] = True
        if not prefix and reader.given_with_prefix(first) > 0 and tokens[first].fold[:1] == "و":
            prefix = 1  # "…، وآدم شافيز، سفير …": the next item of a list, its conjunction on the given name
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
        # "استقبل X وزير الخارجية المصري اليوم نظيره العراقي Y": the title before a counterpart is the other's.
        counterpart = bool(chain) and _chain_word(tokens[chain[0]].fold) in _COUNTERPARTS
        span = title_span or reader.title_after(last)
        if not span and not counterpart:
            span = reader.title_before(chain[0] if chain else first)
        title = text[span[0] : span[1]].strip(" ،,") if span else ""
        own = ""
        if chain and chain[1] > chain[0]:
            heads = [i for i in range(*chain) if _chain_word(tokens[i].fold) in _TITLE_HONORIFICS | _COUNTERPARTS]
            if heads:
                own = text[tokens[heads[0]].start : tokens[chain[1] - 1].end]
                own = re.sub(r"^[وف](?=نظير)", "", own)  # "ونظيره الإسباني": the conjunction is the sentence's
        # "استقبل الرئيس المصري عبد الفتاح السيسي رئيس وزراء اليونان …": with no comma, a title after the name that
        # names another country than the chain before it is the object's, not the subject's.
        other = title and reader.adjacent(last, last + 1) and not title_span
        if other and own and _countries(own) and _countries(title) and _countries(own)[0] != _countries(title)[0]:
            title = own
        elif other and reader.names_in_title(last + 1, span[1]):
            title = ""  # "استقبل السلطان هيثم بن طارق الرئيس الإيراني إبراهيم رئيسي": the object's title
        title = title or own
        # "الوزير نظيره الأذربيجاني …": the title before is the subject's; the counterpart's nationality is his.
        # "سفير … لدى المملكة المغربية": the country after لدى is where the ambassador is posted, not whom he serves.
        served = title.split(" لدى ")[0]
        countries = _countries(served) or _countries(own) or (["ML"] if _malian_title(f"{title} {own}") else [])
        dealt = dealt_with(served)
        countries = [code for code in countries if code not in dealt] or countries
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
        # "ولد الشيخ احمد", "آل الشيخ": a family name, read with the name before it
        family = index and reader.adjacent(index - 1, index) and tokens[index - 1].fold in _LINEAGE | {"ال"}
        if family and tokens[index].fold in _SHEIKH:
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
        definite = False
        if not names and _chain_word(tokens[end - 1].fold) in _TITLE_HONORIFICS:
            # "السفير الهادي الصديق.": a given name with the article after a title, closed by punctuation;
            # "والسفير قدم شاه شاهيم سفيراً …": a first word that is also a verb, when a title follows the name.
            names = _definite_given_closed(reader, end) or _name_despite_first_word(reader, end)
            definite = bool(names) and _is_al(tokens[names[0]])
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
        if (
            not pure
            and not definite
            and not reader.has_given(names)
            and not foreign_ok
            and not _closed_arabic(reader, names)
        ):
            continue
        if _conjoined_verb(tokens[names[0]].fold) and reader.given_with_prefix(names[0]) < 0:
            continue  # "جلالة الملك ويجري مباحثات": a conjunction and an imperfect verb go on the sentence
        add(names, chain=(index, end), anchored=True, definite=definite)

    # 1b. 'من السفير "لونغ كوك هوي" أوراق اعتماده': a name in quotation marks right after an honorific or a title.
    for index in range(len(tokens)):
        if taken[index]:
            continue
        end = reader.chain_at(index)
        if end == index or end >= len(tokens) or not reader.quoted_gap(end - 1, end):
            continue
        names = reader.read_name(end)
        if not names or len(names) > 4 or not reader.quote_closes(names[-1]):
            continue
        if any(_verb_like(tokens[i].fold) for i in names) or any(_is_al(tokens[i]) for i in names[:1]):
            continue
        if reader.has_given(names) or _foreign_first(reader, names) or _foreign_surname(reader, names):
            add(names, chain=(index, end), anchored=True)

    # 1c. "تسلّم … من وانغ وانبين نسخة من أوراق اعتماده": the giver of credentials, between «من» and the papers.
    for index in range(len(tokens) - 2):
        if tokens[index].fold != _FROM or not reader.adjacent(index, index + 1) or taken[index + 1]:
            continue
        names = reader.read_name(index + 1)
        following = names[-1] + 1 if names else index
        if not 2 <= len(names) <= 4 or following >= len(tokens) or not reader.adjacent(names[-1], following):
            continue
        if tokens[following].fold not in _CREDENTIALS or any(_verb_like(tokens[i].fold) for i in names):
            continue
        if reader.has_given(names) or _foreign_first(reader, names):
            add(names, chain=None, anchored=True)

    # 2. A title before the name: "وزير التخطيط خالد …", "وزير الخارجية الروسي سيرغي لافروف".
    for index, token in enumerate(tokens):
        if taken[index] or not _is_title(token.fold, prefixed=True):
            continue  # "والسفير الأفغاني لدى المملكة …", "ومدير المعهد …": a conjunction on the title too
        cursor = index + 1
        while cursor < len(tokens) and cursor - index <= 10 and reader.adjacent(cursor - 1, cursor):
            if taken[cursor] or reader.chain_at(cursor) != cursor:
                break
            if reader.country_continues(cursor):  # "رئيس وزراء جزر سليمان …": a country, not a given name
                cursor += 1
                continue
            if reader.given(cursor) and not _is_stop(tokens[cursor].fold) and not reader.org_before(cursor):
                if cursor > index + 1 and tokens[cursor - 1].fold not in _PARTICLES:
                    add(reader.read_name(cursor), chain=None, anchored=True)
                break
            if reader.nationality(cursor) and reader.adjacent(cursor, cursor + 1):
                names = reader.read_name(cursor + 1)
                # "… الليبي الطاهر الباعور": a Maghrebi given name with the article
                after = tokens[cursor + 1]
                definite_given = not names and _is_al(after) and after.fold[2:] in reader.names
                if definite_given:
                    names = reader.read_name(cursor + 1, article=True)
                elif not names and _country_as_given(reader, cursor + 1):
                    names = [cursor + 1, *reader.read_name(cursor + 2)]  # "الإيطالية جورجيا ميلوني"
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
                    foreign = _foreign_first(reader, names) and reader.boundary_after(names[-1], first=names[0])
                    if not verbs and (foreign or _closed_arabic(reader, names)):
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

    # 2c. "وزير الشؤون الخارجية والتعاون الدولي لجمهورية جيبوتي، عبد القادر حسين عمر،", "ونظيره البرازيلي،
    # أنطونيو باتريوتا": a name set off by commas right after a whole title phrase (the house style of the
    # Maghreb agencies and of many ministries). Closed by punctuation on both sides, it is an apposition.
    for index in range(1, len(tokens)):
        if taken[index] or reader.gap(index - 1, index) != "comma":
            continue
        lead = reader.title_phrase_before(index - 1)
        if lead is None or _leading_conjunction(tokens[index].bare) or reader.given_with_prefix(index) > 0:
            continue  # "… رئيس المجلس، وإيمانويل …": a new item of a list, the title is the previous name's
        fresh = tokens[lead].fold[:1] == "و" and not _is_title(tokens[lead].fold)  # "، وكاتب الدولة …": a new item
        if lead > 0 and taken[lead - 1] and reader.gap(lead - 1, lead) != "break" and not fresh:
            continue  # "… الظاهري، مديرة الإدارة، …": the title phrase is the apposition of the name before it
        token = tokens[index]
        definite = _is_al(token) and token.fold[2:] in reader.names
        names = reader.read_name(index, article=definite)
        closing = names[-1] + 1 if names else index
        if names and _closes_in_ta(reader, closing):
            names.append(closing)  # "، أبكر رحمة،": a family name in ة closed by punctuation is the name's
        if not 2 <= len(names) <= 5 or any(taken[i] for i in names):
            continue
        following = names[-1] + 1
        if following < len(tokens) and reader.gap(names[-1], following) == "space":
            continue
        if any(_verb_like(tokens[i].fold) for i in names):
            continue
        if not (definite or reader.has_given(names) or _foreign_first(reader, names)):
            continue
        head = tokens[lead]
        start = head.start + max(_title_prefix(head.fold), 0)
        add(names, chain=None, anchored=True, definite=definite, title_span=(start, tokens[index - 1].end))

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
            # "عيد بن محمد الثقفي": a word no list knows, followed by بن/بنت and a name, is a given name too.
            lineage = _by_lineage(reader, index)
            if lineage:
                add(lineage, chain=None, prefix=0, anchored=False)
            continue
        # "… خالد العنزي، وسعيد الهاجري": right after a name just found (a comma or و between) even a given name
        # that is also an everyday word starts the next name of the list.
        joined = prefix <= 1 and index > 0 and any(m.end == tokens[index - 1].end for m in mentions)
        joined = joined and (
            (prefix == 1 and tokens[index].fold[0] == "و" and reader.gap(index - 1, index) != "break")
            or reader.gap(index - 1, index) == "comma"
        )
        if _fold(tokens[index].fold[prefix:]) in reader.ambiguous and not joined and not _introduced(reader, index):
            continue  # a given name that is also a word starts a name only in a list or next to a name
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
            strong = _spoken(reader, names) or _introduced(reader, index) or _acting(reader, names)
        # "… فلاديمير تشيجوف ونيكولاي باتروشيف": a name joined by و (or a comma) to a name just found is one too.
        if not strong and len(names) <= 3:
            strong = joined
        if strong and not any(_is_title(w.fold, prefixed=True) for w in words):
            add(names, chain=None, prefix=prefix, anchored=False)

    mentions = finish_mentions(text, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


_BIN = _folded("بن بنت")


def _by_lineage(reader, index: int) -> list[int]:
    """The name's token indexes when an unknown word is followed by بن/بنت and a known given name."""
    tokens = reader.tokens
    if index + 2 >= len(tokens) or not (reader.adjacent(index, index + 1) and reader.adjacent(index + 1, index + 2)):
        return []
    if tokens[index + 1].fold not in _BIN or not _nameish(tokens[index]) or _is_al(tokens[index]):
        return []
    if index > 0 and reader.adjacent(index - 1, index) and tokens[index - 1].fold in _PARTICLES:
        return []  # the middle of a longer name already read
    rest = reader.read_name(index + 2)
    if not rest or rest[0] != index + 2 or not reader.given(index + 2):
        return []
    words = [tokens[i] for i in (index, index + 1, *rest)]
    return [] if any(_is_title(w.fold, prefixed=True) for w in words) else [index, index + 1, *rest]
