"""Agreements: parties, signatories, signing date and status (how a mention reads: agreement_mentions.py).

An agreement is named once in full ("a memorandum of understanding on public service") and then again as
"the MoU", "the memorandum", "the document", "المذكرة", "документ": those later mentions are the same
agreement, so one candidate collects their evidence, and each sentence adds what it says (who signed, when,
on whose behalf). A new agreement starts only where the text names a kind with a subject of its own.
"""

from __future__ import annotations

import re

from .agreement_lists import THE_PLURAL, covered, enumerated, one_of_package, same_kind_first
from .agreement_mentions import (
    _BACK_REFERENCE,
    _DATED,
    _MENTION,
    _PLANNED,
    _STATUS_ORDER,
    _SUBJECT_AFTER,
    _another,
    _conditional,
    _count_before,
    _in_general,
    _listing,
    _names_a_new_one,
    _plural,
    _same_one,
    _shares_subject,
    _status,
    _subject_words,
    _title,
    _within,
)
from .base import Found, compile_cue, evidence_for
from .context import DocumentContext, Sentence
from .people_ru_forms import phrase_nominative

_SIGN = compile_cue(
    r"(?<!\w)(?:sign(?:ed|ing)?|inked|подписа\w*|подпис\w+|[وف]?وقع(?:ت|ا|وا|ها|ه|تا|تها|اها|وها)?|[وف]?(?:ال)?توقيع)(?!\w)",
    re.I,
)
_ON_BEHALF = compile_cue(r"(?:on behalf of|от имени|نيابة عن)\s+(?:the\s+)?", re.I)
# The side named before the signer: "عن الجانب الأردني X", "с казахстанской стороны X", "on behalf of Y by X".
_SIDE_BEFORE = compile_cue(
    r"(?:عن\s+الجانب\s+\S+|من\s+الجانب\s+\S+|с\s+\S+\s+стороны|от\s+\S+\s+стороны|on\s+the\s+\S+\s+side|"
    r"on behalf of\s+[^,]{3,60}?\s+by(?:\s+the)?)[\s,]*(?:\S+\s+){0,8}$",
    re.I,
)


# A list item on its own line: "— Договор о …;", "• Memorandum on …", "1) اتفاقية …".
_BULLET = re.compile(r"\s*(?:[—–\-•·▪*]|\d{1,2}[.)])\s+")


def extract_agreements(context: DocumentContext) -> list[Found]:
    _WITNESSES.clear()
    _VENUES.clear()
    found: list[Found] = []
    package: list[Found] = []  # "signed five memoranda": one candidate per document, described one by one later
    mixed = None  # the package counts documents of several kinds together
    package_sentence: Sentence | None = None
    counted = 0  # the largest count named so far: "the four MoU" again is the same package
    described: set[int] = set()  # the candidates whose own title the text has given
    current: Found | None = None
    headline_end = context.text.lstrip().find("\n") + len(context.text) - len(context.text.lstrip())
    headline: list[Found] = []  # what the headline names, the body names again in its own words
    restated_ids: set[int] = set()  # the headline's candidates the body has named again
    list_status = previous_status = ""  # "… signed a package of documents. Among them:" then one line each
    for sentence in context.sentences:
        own_status = _status(sentence.text)
        bulleted = bool(_BULLET.match(sentence.text))
        if not bulleted:  # a list opens after a colon; anything else ends it
            opens = sentence.text.rstrip().endswith(":")
            list_status = (own_status or previous_status) if opens else ""
            previous_status = own_status
        mentions = [m for m in _MENTION.finditer(sentence.text) if not _conditional(sentence.text, m)]
        back = _BACK_REFERENCE.search(sentence.text)
        # "X signed it on behalf of Malaysia": a signing sentence right after an agreement continues it.
        if not mentions and not back and current is not None and _SIGN.search(sentence.text):
            back = _SIGN.search(sentence.text)
        if not mentions and not (back and current):
            continue
        if mentions and _in_general(sentence.text, mentions):
            continue
        status = own_status or (list_status if bulleted else "")
        if not mentions:
            _attach(context, current, sentence, back, status)
            continue
        general_end = -1  # "the signing of memoranda and an agreement": a mention listed with general ones
        since = 0
        previous_end = -1
        for mention in mentions:
            count = _count_before(context, sentence, mention, since)
            # "signed two agreements and a memorandum": one more document of the package just counted
            one_more = bool(
                not count
                and package
                and package_sentence is sentence
                and previous_end >= 0
                and not _plural(mention.group(0))  # "9 agreements and memoranda" counts them together
                and _AND_ONE.match(sentence.text[previous_end : mention.start()])
            )
            count = 1 if one_more else count
            since = previous_end = mention.end()
            # "drafts of memoranda between A and B": planned documents on a subject are one item, however many.
            plural = (
                _plural(mention.group(0))
                and not (
                    _DATED.match(sentence.text[mention.end() :])  # "соглашения от 6 января" is one
                    # "signed agreements aimed at strengthening …", "drafts of memoranda on …": one set on a subject
                    or (status in (*_PLANNED, "signed") and _SUBJECT_AFTER.search(sentence.text[mention.end() :][:60]))
                )
            )
            if (
                current is None
                or (count and (count > counted or package_sentence is sentence))
                or (not count and not plural and _names_a_new_one(sentence.text, mention, found))
            ):
                if not status and _within(sentence.text, mention) and not _training_scheme(sentence.text, mention):
                    status = "signed"
                if not status and not (current and _listing(sentence.text)):
                    continue  # an agreement named with no act (signed, negotiated, extended) is background
                joined = general_end >= 0 and _JOINED.match(sentence.text[general_end : mention.start()])
                items = []
                if plural and not count and status in ("signed", "in_force"):
                    items = enumerated(sentence.text, mention.end())  # "agreements were signed: on A, on B and C"
                    count = len(items) or None
                elif plural and count and status in ("signed", "in_force"):
                    items = covered(sentence.text, mention, count)  # "three MoUs, covering A, B and C": one each
                if (plural and not count) or joined:
                    general_end = mention.end()
                    continue  # "numerous bilateral agreements are in force": agreements in general
                unrestated = [
                    h for h in headline if id(h) not in restated_ids and not _other_subject(sentence.text, mention, h)
                ]
                restated = next(
                    (
                        h
                        for h in same_kind_first(unrestated, mention.lastgroup)
                        if h.value["kind"] == mention.lastgroup or _named_loosely(sentence.text, mention, h)
                    ),
                    None,
                )
                if restated is not None and sentence.start > headline_end and not _another(sentence.text, mention):
                    # (a back reference in between, "согласование документов", is not the body naming it again)
                    restated_ids.add(id(restated))
                    if _named_loosely(sentence.text, mention, restated):  # the body's own words name it better
                        restated.value.update(kind=mention.lastgroup, title=_title(sentence.text, mention))
                    current = restated
                    _attach(context, current, sentence, mention, status)
                    continue
                open_slots = [item for item in package if id(item) not in described]
                slot = next(iter(same_kind_first(open_slots, mention.lastgroup)), None)
                if slot is not None and not count:  # the package's next document, now described
                    slot.value["title"] = _title(sentence.text, mention)
                    slot.value["kind"] = mention.lastgroup if mention.lastgroup != "other" else slot.value["kind"]
                    described.add(id(slot))
                    current = slot
                    _attach(context, current, sentence, mention, status)
                    continue
                # A plan to sign "three memoranda" is one decision; signed ones are as many documents.
                if count and status in ("signed", "in_force"):
                    # "three agreements and two memoranda": one package of five.
                    extra = package if package_sentence is sentence else []
                    counted = count + len(extra)
                    # "9 agreements and memoranda": how many of each is not told; "two agreements and an MoU" is.
                    mixed = (
                        _MIXED.match(sentence.text, mention.end())
                        and not _AND_COUNTED.match(sentence.text, mention.end())
                    ) or (bool(extra) and not one_more)
                    # "signed two documents" after the headline named one: that one is among the two.
                    known = [] if _MORE.search(sentence.text[: mention.start()][-40:]) or extra else found[-count + 1 :]
                    known = [item for item in known if not any(item is p for p in package)]
                    package, package_sentence = [*extra, *known], sentence
                    count += len(extra)
                    for _n in range(len(extra) + len(known), min(count, 12)):
                        package.append(_new(context, sentence, mention, status))
                        found.append(package[-1])
                    first = len(extra) + len(known)
                    for item, words in zip(package[first:], [w for w in items if w], strict=False):  # each by its item
                        item.value["title"] = one_of_package(mention, words)
                        described.add(id(item))
                    current = package[first] if first < len(package) else package[-1]
                    for item in package:
                        _read_sentence(context, sentence, item)
                    continue
                counted = max(counted, count or 0)
                current = _new(context, sentence, mention, status or current.value["status"])
                dated = _DATED.match(sentence.text[mention.end() :])
                if dated:  # the agreement a new protocol extends was signed on the date it is named by
                    date = context.dates_in(sentence.start + mention.end(), sentence.start + mention.end() + 60)
                    current.value["status"] = "signed"
                    if date:
                        current.value["signed_date"] = date[0].value["start"]
                        current.value["precision"] = date[0].value["precision"]
                found.append(current)
                described.add(id(current))
                if sentence.start < headline_end:
                    headline.append(current)
                _read_sentence(context, sentence, current)
                continue
            if count and count <= counted and package:  # "the five memoranda were signed on …": all of them
                # "… three Memoranda of Understanding, covering A, B and C" after the headline counted them: each named
                subjects = covered(sentence.text, mention, count)
                named = [words for words in subjects if words]
                for item, words in zip(same_kind_first(package, mention.lastgroup), named, strict=False):
                    if id(item) not in described:
                        item.value["title"] = one_of_package(mention, words)
                        described.add(id(item))
                for item in package:
                    _attach(context, item, sentence, mention, status)
                continue
            if plural and not count and len(package) > 1 and THE_PLURAL.search(sentence.text[: mention.start()]):
                for item in package:  # "The agreements were signed on Tuesday": all of the package just counted
                    _attach(context, item, sentence, mention, status)
                continue
            current = _same_one(mention, found) or current
            if sentence.start > headline_end:
                restated_ids.add(id(current))
            _attach(context, current, sentence, mention, status)
    if mixed and any(id(item) in described for item in package):
        # "9 agreements and memoranda", three of them described: how many of each the rest are, and on what,
        # the text does not say, so only the described ones can be recorded.
        found = [item for item in found if id(item) in described or not any(item is p for p in package)]
    # "… sign visa waiver agreement and memorandum on consultations" in the headline, then "two documents. The first
    # is … The second is the Memorandum of Understanding on Political Consultations …": a headline candidate the
    # body's slots took over, under the same kind and subject, is that one.
    headline_ids = {id(h) for h in headline}
    body = [item for item in found if id(item) not in headline_ids]
    found = [
        item
        for item in found
        if id(item) not in headline_ids
        or id(item) in restated_ids
        or not any(_told_again(item, other) for other in body)
    ]
    for item in found:
        _complete(context, item)
    return [one for item in found for one in _one_per_counterpart(item)]


def _told_again(headline: Found, other: Found) -> bool:
    words, theirs = _subject_words(headline.value["title"]), _subject_words(other.value["title"])
    return headline.value["kind"] == other.value["kind"] and bool(words) and _shares_subject(words, theirs)


def _one_per_counterpart(item: Found) -> list[Found]:
    """ "The UAE concluded partnership agreements with four governments … signed for the UAE by X with each of A (of
    Iraq), B (of the Maldives), C (of Barbados) and D (of Guyana)": documents named in the plural whose first signer
    signs with a signer of each of several other countries are one bilateral document per counterpart. (A treaty
    many countries sign together is one document and is named in the singular.)"""
    value = item.value
    kind = _MENTION.match(value["title"])
    signers = [s for s in value["signatories"] if s["party"]]
    if kind is None or not _plural(kind.group(0)) or len(value["parties"]) < 3 or not signers:
        return [item]
    hub = signers[0]["party"]
    counterparts = list(dict.fromkeys(s["party"] for s in signers if s["party"] != hub))
    if len(counterparts) < 2:
        return [item]
    ones = []
    for party in counterparts:
        one = Found(item.kind, {**value}, item.evidence, item.confidence, list(item.extra_evidence))
        one.value["parties"] = [hub, party]
        one.value["signatories"] = [s for s in value["signatories"] if s["party"] in (hub, party)]
        ones.append(one)
    return ones


def _named_loosely(text: str, mention: re.Match, item: Found) -> bool:
    """A headline's "agreement on training civil servants" is the body's "memorandum of understanding on the
    training of civil servants": headlines call any document an agreement; the same subject tells it is one."""
    if item.value["kind"] != "agreement" or mention.lastgroup in ("agreement", "other"):
        return False
    words, theirs = _subject_words(_title(text, mention)), _subject_words(item.value["title"])
    return bool(words and theirs and _shares_subject(words, theirs))


def _other_subject(text: str, mention: re.Match, item: Found) -> bool:
    """The headline's "memorandum on COP32" is not restated by the body's "memorandum between the ministries of
    agriculture": both say what they are about, and no word of it is shared."""
    title = item.value["title"]
    # A title that names no subject ("визовое соглашение готово к подписанию") cannot differ from one.
    kind = _MENTION.search(title)
    if kind is None or not _SUBJECT_AFTER.search(title[kind.end() :]):
        return False
    words, theirs = _subject_words(_title(text, mention)), _subject_words(title)
    return bool(words and theirs and not words & theirs)


# "Under the Singapore Cooperation Programme, 45 officials attended courses": a scheme that trains people is a
# training programme (programmes.py), not an agreement between governments.
_TRAINS = compile_cue(
    r"(?<!\w)(?:train\w*|courses?|scholarships?|fellowships?|обуч\w+|курс\w*|стажировк\w*|стипенди\w*|"
    r"تدريب\S*|دور(?:ة|ات)|منح\S*)(?!\w)",
    re.I,
)


def _training_scheme(text: str, mention: re.Match) -> bool:
    return mention.lastgroup == "programme" and bool(_TRAINS.search(text))


_AND_ONE = compile_cue(r"\s*(?:,\s*)?(?:and|и|و)\s*(?:a|an|one|один|одн[аоу]|واحدة?)?\s*$", re.I)

_AND_COUNTED = compile_cue(
    r"\S*\s+(?:and|и|و)\s*(?:a|an|one|two|three|four|five|six|\d+|один|одн\w+|два|две|три|четыре|пять|واحدة?)\s", re.I
)

_MIXED = compile_cue(
    r"\S*\s+(?:and\s+|и\s+|و)(?:\w+\s+)?(?:memorand|MoU|MOU|agreement|protocol|меморандум|соглашени|протокол|"
    r"مذكر|اتفاق|بروتوكول)",
    re.I,
)


def _new(context: DocumentContext, sentence: Sentence, mention: re.Match, status: str) -> Found:
    start = sentence.start + mention.start()
    return Found(
        "agreement",
        {
            "title": _title(sentence.text, mention),
            "kind": mention.lastgroup,
            "status": status,
            "parties": [],
            "party_organisations": [],
            "signatories": [],
            "signed_date": None,
            "precision": None,
            "event": None,
        },
        evidence_for(context.text, start, start + len(mention.group(0))),
        0.75,
    )


def _attach(context: DocumentContext, item: Found, sentence: Sentence, mention: re.Match, status: str) -> None:
    start = sentence.start + mention.start()
    evidence = evidence_for(context.text, start, start + len(mention.group(0)))
    if evidence.start != item.evidence.start and all(e.start != evidence.start for e in item.extra_evidence):
        item.extra_evidence.append(evidence)
    if status and _STATUS_ORDER.index(status) < _STATUS_ORDER.index(item.value["status"]):
        item.value["status"] = status
    # "Соглашение об этом подписано … подписала соглашение о сотрудничестве с X": the later mention says what.
    if mention.re is _MENTION and mention.lastgroup == item.value["kind"] and not _subject_words(item.value["title"]):
        fuller = _title(sentence.text, mention)
        if _subject_words(fuller):
            item.value["title"] = fuller
    _read_sentence(context, sentence, item)


_JOINED = compile_cue(r"^(?:\s+(?:\w+\s+){0,2}(?:and|or|и|или)\s+(?:an?\s+)?|\s+(?:\w+\s+){0,2}و)$", re.I)

# "signed three more agreements": the count adds to those named before.
_MORE = compile_cue(
    r"(?<!\w)(?:other|more|further|additional|ещё|еще|других|другие|дополнительн\w*|أخرى|إضافي\w*)(?!\w)", re.I
)


_VENUE = re.compile(r"\b(?:in|at)\s+(?:[A-Z][\w-]+\s*){1,3},\s*$")


# "BAKU, Azerbaijan, July 10 (Trend)": the country of the dateline is where the report was filed.
_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{2,},[ \t]*$")


_DATELINE_AFTER = re.compile(
    r"\s*,?\s*(?:\(|—|–|-{1,2}\s|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d)"
)


def _dateline(context: DocumentContext, start: int, end: int) -> bool:
    return bool(_DATELINE.search(context.text, max(0, start - 40), start) and _DATELINE_AFTER.match(context.text, end))


# A bloc or organisation on one side ("negotiations between Uzbekistan and the EU", "a BRICS-level MoU").
_BLOC = compile_cue(
    r"(?<!\w)(?:the\s+)?(?P<bloc>EU|European Union|ASEAN|BRICS|African Union|Eurasian Economic Union|EAEU|CIS|GCC|"
    r"Gulf Cooperation Council|Arab League|League of Arab States|Shanghai Cooperation Organi[sz]ation|SCO|"
    r"Евросоюз\w*|Европейск\w+ союз\w*|ЕС|ЕАЭС|СНГ|ШОС|АСЕАН|БРИКС|Африканск\w+ союз\w*|"
    r"الاتحاد الأوروبي|الاتحاد الأفريقي|الاتحاد الإفريقي|جامعة الدول العربية|مجلس التعاون الخليجي|آسيان|بريكس)"
    r"(?!\w)(?!\s*(?:summit|session|meeting|conference|forum|member|countries|states|саммит\w*|заседани\w*|"
    r"стран\w*|государств\w*|القمة|قمة|دول))",
    re.I,
)
_BLOC_AS_PLACE = compile_cue(
    r"(?:sidelines|margins|framework|auspices|within|during|at|рамках|полях|ходе|هامش|إطار|خلال)\s+(?:of\s+)?(?:the\s+)?$",
    re.I,
)


_FOR_SIDE = compile_cue(r"\s*,?\s*(?:for|от|عن)\s+(?:the\s+)?", re.I)


def _read_sentence(context: DocumentContext, sentence: Sentence, item: Found) -> None:
    value = item.value
    for code, c_start, c_end in context.countries:
        # "… at the AU summit in Addis Ababa, Ethiopia": a country named as the venue is not a party.
        venue = _VENUE.search(context.text, max(sentence.start, c_start - 40), c_start)
        inside = sentence.start <= c_start < sentence.end
        if inside and code not in value["parties"] and not venue and not _dateline(context, c_start, c_end):
            value["parties"].append(code)
            if _IN_COUNTRY.search(context.text, max(sentence.start, c_start - 12), c_start):
                _VENUES.setdefault(id(item), set()).add(code)
    for bloc in _BLOC.finditer(sentence.text):
        name = bloc.group("bloc")
        as_place = _BLOC_AS_PLACE.search(sentence.text[max(0, bloc.start() - 30) : bloc.start()])
        if not as_place and name not in value["party_organisations"]:
            value["party_organisations"].append(name)
    # "no date has been set for signing it", "подписал указ об одобрении проекта": no one signed the agreement.
    if not _SIGN.search(sentence.text) or _status(sentence.text) not in ("signed", "in_force"):
        return
    witnesses = _WITNESSES.setdefault(id(item), [])
    for person in context.people_in(sentence.start, sentence.end):
        if any(s["name"] == person.name for s in value["signatories"]) or _MENTION.search(person.name):
            continue  # "the Indus Waters Treaty" read as a name is the agreement itself
        if _only_present(context, sentence, person):
            # Leaders watching a bilateral signing, or on whose visit it took place, stand for the two sides.
            if person.country and person.country not in witnesses:
                witnesses.append(person.country)
            continue
        party = person.country
        side = _SIDE_BEFORE.search(context.text, max(sentence.start, person.start - 120), person.start)
        # "X, Executive Vice-Rector of …, put his signature to it on behalf of …": past his title, not past another
        behalf = _ON_BEHALF.search(context.text, person.end, min(sentence.end, person.end + 140))
        if behalf and context.people_in(person.end, behalf.start()):
            behalf = None
        own_side = _FOR_SIDE.match(context.text, person.end)
        if side and context.countries_in(side.start(), person.start):
            party = context.countries_in(side.start(), person.start)[0]
        elif own_side and context.countries_in(own_side.end(), own_side.end() + 40):
            # "signed by X for India and, on behalf of Malaysia, by Y": the side right after the name is X's.
            party = context.countries_in(own_side.end(), own_side.end() + 40)[0]
        elif behalf and context.countries_in(behalf.end(), behalf.end() + 100):
            # "on behalf of the ADA University of the Ministry of Foreign Affairs of Azerbaijan": the institution's
            # country closes its long name
            party = context.countries_in(behalf.end(), behalf.end() + 100)[0]
        value["signatories"].append({"name": person.name, "party": party})
    dates = context.dates_in(sentence.start, sentence.end)
    if dates and not value["signed_date"] and value["status"] in ("signed", "in_force"):
        value["signed_date"], value["precision"] = dates[0].value["start"], dates[0].value["precision"]


# The countries of people who watched a signing, per candidate (read until the candidate is completed).
_WITNESSES: dict[int, list[str]] = {}
# The countries a candidate's sentences name as a place ("signed in Qatar", "подписанный в Катаре").
_VENUES: dict[int, set[str]] = {}
_IN_COUNTRY = compile_cue(r"(?<!\w)(?:in|at|в|во|في)\s+(?:the\s+)?$", re.I)


# People named after these words in a signing sentence watched or led a visit; they did not sign.
_NOT_SIGNING = compile_cue(
    r"(?<!\w)(?:in the presence of|attended by|witnessed by|headed by|led by|during the visit of|"
    r"в присутствии|во главе с|при участии|в ходе (?:\w+ )?визита|во время (?:\w+ )?визита|"
    r"(?:по итогам|в ходе|после) (?:\w+ )?переговоров|following (?:the )?(?:talks|meeting)s? (?:between|with|of)|"
    r"في ختام (?:ال)?مباحثات|عقب (?:ال)?مباحثات|"
    r"بحضور|برئاسة|وبحضور|بمشاركة|خلال زيارة|"
    # "وحضرت مراسم التوقيع X", "كما حضرها X": the verb of attending comes before the one who attended
    r"[وف]?حضر(?:ت|ها|ه|تها)?(?:\s+(?:مراسم|مراسيم|حفل)\s+(?:ال)?توقيع)?)(?!\w)",
    re.I,
)


def _only_present(context: DocumentContext, sentence: Sentence, person) -> bool:
    """ "…signed during the visit of a delegation headed by X", "в присутствии X": X is not a signatory,
    unless the signing verb comes after the cue and before X ("…, and X signed")."""
    before = context.text[sentence.start : person.start]
    cues = list(_NOT_SIGNING.finditer(before))
    if cues and not _SIGN.search(before, cues[-1].end()):
        return True
    # "X, Chief Executive of Y, witnessed the signing", "X attended the ceremony": the verb after the name; "X
    # told the newspaper that the two sides signed their first memorandum in 2000": X reports a signing.
    return bool(
        _WATCHED.match(context.text, person.end, sentence.end)
        or _WATCHED_TOGETHER.match(context.text, person.end, sentence.end)
        # "sign three MoUs during Greenidge visit to New Delhi": whose visit it was, not who signed
        or (_DURING.search(before[-12:]) and _WHOSE_VISIT.match(context.text, person.end, sentence.end))
    )


_DURING = re.compile(r"\b(?:during|on)\s+$", re.I)
_WHOSE_VISIT = re.compile(r"(?:['’]s?)?\s+(?:\w+\s+)?visit\b", re.I)


_WATCHED = compile_cue(
    r"(?:\s*,[^,]{0,120},)?\s+(?:also\s+)?(?:witnessed|attended|watched|observed|told|said|stated|recalled|"
    r"присутствовал\w*|сообщил\w*|рассказал\w*|شهد\w*|حضر\w*)(?!\w)",
    re.I,
)


# "President X and the Amir Y witnessed the signing": both of them, named together before the verb (in lower case:
# "signed by Minister A and Minister Omar Said" names a signatory called Said).
_WATCHED_TOGETHER = re.compile(
    r"\s+(?:and|и|و)\s+[^.;,]{0,80}?\s+(?:witnessed|attended|watched|observed|присутствовал\w*|شهد\w*|حضر\w*)(?!\w)"
)


def _complete(context: DocumentContext, item: Found) -> None:
    value = item.value
    if context.language == "ru" and value["title"]:  # "подписали дорожную карту": the review names "дорожная карта"
        value["title"] = phrase_nominative(value["title"])
    # Parties a sentence leaves implicit ("the two sides signed"): the document's two countries.
    signatory_parties = [s["party"] for s in value["signatories"] if s["party"]]
    parties = list(dict.fromkeys([*signatory_parties, *value["parties"]]))
    if len(parties) < 2 and value["kind"] == "treaty":  # a convention's parties: the delegations listed together
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", context.text)]
        listed = next((c for start, end in lines if len(c := context.countries_in(start, end)) >= 3), [])
        parties = list(dict.fromkeys([*parties, *listed]))
    witnesses = _WITNESSES.pop(id(item), [])
    if len(parties) == 1 and not value["party_organisations"]:
        parties = list(dict.fromkeys([*parties, *witnesses]))
    if len(parties) < 2 and not value["party_organisations"]:  # "between Uzbekistan and the EU" has its two
        filed = {code for code, start, end in context.countries if _dateline(context, start, end)}
        main = [code for code in context.main_countries if code not in filed]
        parties = list(dict.fromkeys([*parties, *main]))
    dateline = context.dateline_city
    if len(parties) == 1 and not value["party_organisations"] and dateline and dateline[0] not in parties:
        # "МОСКВА, 10 октября. /ТАСС/. Президентская академия … подписала соглашение с Агентством … Таджикистан":
        # an institution named without its country is of the country the report was filed from.
        parties.append(dateline[0])
    multilateral = len(signatory_parties) >= 3 or value["kind"] == "treaty"
    venues = _VENUES.pop(id(item), set())
    if len(parties) > 2 and not multilateral:  # "signed in Qatar, commits Kenya and Rwanda": Qatar is the place
        parties = [code for code in parties if code not in venues or code in signatory_parties] or parties
    value["parties"] = parties[:2] if len(parties) > 2 and not multilateral else parties
    # No date in the agreement's own sentences: the article does not say when (its own date is not the signing's).
    item.confidence = 0.85 if len(value["parties"]) >= 2 else 0.6
