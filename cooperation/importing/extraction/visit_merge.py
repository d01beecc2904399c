"""One visit told in several sentences becomes one delegation; two visits between the same countries stay two."""

from __future__ import annotations

import datetime as dt
import re

from .base import NUMBER_WORDS, Found, compile_cue
from .cities import city_name
from .context import DocumentContext
from .cues import BACKGROUND, EVENT_PATTERNS
from .visit_cues import MEMBER_OF, PLANNED, PREPARED_FOR, VISIT
from .visit_readings import resident


def merge(context: DocumentContext, found: list[Found], named_host: set[int], recalled: set[int]) -> list[Found]:
    """One visit told in several sentences is one delegation: same direction, or a side one sentence missed.
    ``recalled`` holds the readings of a visit the story recalls; a delegation is recalled when all its are."""
    merged: list[Found] = []
    for item in found:
        value = item.value
        same = next(
            (
                m
                for m in merged
                if _compatible(m.value["origin_country"], value["origin_country"])
                and _compatible(m.value["host_country"], value["host_country"])
                # A side one reading lacks is not filled with the other side's country (Moscow's government
                # receiving a delegation, and the delegation coming to Moscow, are no visit from Russia to Russia).
                and (m.value["origin_country"] or value["origin_country"])
                != (m.value["host_country"] or value["host_country"])
                and not _other_visit(context, m, item, named_host)
            ),
            None,
        )
        if same is None:
            merged.append(item)
            continue
        same.extra_evidence.append(item.evidence)
        if id(item) in named_host:
            named_host.add(id(same))
        if id(item) not in recalled:
            recalled.discard(id(same))
        for key in ("origin_country", "host_country", "head"):
            same.value[key] = same.value[key] or value[key]
        if value["start"] and _rank(value) > _rank(same.value):
            same.value.update({k: value[k] for k in ("start", "end", "precision", "date_in_sentence")})
    result = [m for m in merged if m.value["origin_country"] and m.value["host_country"]]
    for item in result:
        spans = [item.evidence, *item.extra_evidence]
        cities = [c for e in spans for c in context.cities_in(*_sentence_span(context, e.start))]
        city = next((c[1] for c in cities if c[0] == item.value["host_country"]), "")
        filed = context.dateline_city
        if not city and filed and filed[0] == item.value["host_country"]:
            city = filed[1]  # "GEORGETOWN, Guyana – The Amir … held talks": filed from where the visit took place
        item.value["city"] = city_name(city) if city else ""  # "KUALA LUMPUR" in a dateline, "в Минске"
    # The same two countries both ways: the weaker reading (no head, fewer mentions) is a misread direction.
    for item in list(result):
        reverse = next(
            (
                r
                for r in result
                if (r.value["origin_country"], r.value["host_country"])
                == (item.value["host_country"], item.value["origin_country"])
            ),
            None,
        )
        if reverse is None:
            continue
        # The direction told more often wins, then the one with a head, then a dated one; a tie with no head on
        # either side goes to the body of the article over the headline.
        if id(item) in named_host and id(reverse) in named_host and _both_told(context, item, reverse, named_host):
            continue  # "X visited Y …; Y's leader made a visit to X last year": two visits, one each way
        if (id(item) in recalled) != (id(reverse) in recalled) and _own_heads(context, item, reverse):
            continue  # "A held talks in Moscow with B. B recalled that he visited A's capital in June": two visits
        weight = (len(item.extra_evidence), bool(item.value["head"]), bool(item.value["date_in_sentence"]))
        other = (len(reverse.extra_evidence), bool(reverse.value["head"]), bool(reverse.value["date_in_sentence"]))
        if weight < other or (weight == other and not weight[1] and item.evidence.start < reverse.evidence.start):
            result.remove(item)
    # The visit prepared by the one the story reports is not proposed: it has not been made.
    to_come = [item for item in result if _prepared(context, item)]
    made = {(i.value["origin_country"], i.value["host_country"]) for i in result if i not in to_come}
    prepared = [item for item in to_come if (item.value["origin_country"], item.value["host_country"]) in made]
    result = [item for item in result if item not in prepared]
    # The visit the story reports first, then one to come, then one recalled: events link to the first.
    aside = {
        id(item)
        for item in result
        if id(item) in recalled or (_planned(context, item) and not item.value["date_in_sentence"])
    }
    result.sort(key=lambda item: (id(item) in recalled, id(item) in aside))
    reported = [item for item in result if id(item) not in aside]
    for item in result:
        # In a story of one visit (besides those recalled or to come), the host's people named are its hosts.
        _people_of(context, item, single_visit=len(reported) == 1 and item is reported[0])
        _last_day_from_length(context, item)
        item.confidence = 0.85 if item.value["start"] else 0.7
    # Whoever heads one of the story's visits is no member of another (nor of the one he is to make).
    heads = {item.value["head"] for item in [*result, *prepared] if item.value["head"]}
    for item in result:
        item.value["members"] = [m for m in item.value["members"] if m not in heads]
    return result


# How long a visit lasts, told beside it: "a four-day visit", "a visit of four days", "for three days",
# "трёхдневный визит", "визит продлится три дня", "زيارة تستغرق ثلاثة أيام", "زيارة تستمر يومين".
_DAYS = {**NUMBER_WORDS, "يومين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7}
_COUNT = r"\d|two|three|four|five|six|seven"
_LENGTH = compile_cue(
    rf"(?<!\w)(?:(?P<a>{_COUNT})[- ]day\s+(?:\w+\s+){{0,2}}(?:visit|trip|tour)|"
    rf"(?:visit|trip|tour)\s+of\s+(?P<b>{_COUNT})\s+days|"
    rf"(?:visit|trip|tour|stay)\w*\s+(?:\w+\s+){{0,3}}(?:for|lasting)\s+(?P<c>{_COUNT})\s+days|"
    r"(?P<d>двух|трёх|трех|четырёх|четырех|пяти)дневн\w+\s+(?:\w+\s+){0,2}(?:визит|поездк)\w*|"
    r"(?:визит|поездк)\w*\s+(?:\w+\s+){0,2}продл\w+\s+(?P<e>\d|два|три|четыре|пять)\s+дн\w*|"
    r"زيار\S*\s+(?:\S+\s+){0,3}(?:تستغرق|تستمر|مدتها)\s+(?:(?P<f>\d)\s+أيام|(?P<g>يومين|ثلاثة|أربعة|خمسة|ستة|سبعة)))"
    r"(?!\w)",
    re.I,
)


def _last_day_from_length(context: DocumentContext, item: Found) -> None:
    """A visit dated to the day with no last day, whose length its sentences tell: the last day is counted."""
    value = item.value
    if value.get("end") or value.get("precision") != "day" or not value.get("start"):
        return
    for evidence in [item.evidence, *item.extra_evidence]:
        length = _LENGTH.search(context.text, *_sentence_span(context, evidence.start))
        if length:
            word = next(g for g in length.groups() if g)
            days = int(word) if word.isdigit() else _DAYS.get(word.lower(), 0)
            if 2 <= days <= 31:
                start = dt.date.fromisoformat(value["start"])
                value["end"] = (start + dt.timedelta(days=days - 1)).isoformat()
            return


def _other_visit(context: DocumentContext, first: Found, later: Found, named_host: set[int]) -> bool:
    """Two readings between the same countries that tell of different visits: months apart ("visited Oman in
    August 2015"; "made an official visit in 1998" in a story of this week's visit)."""
    a, b = first.value, later.value
    days = {k: _day(v["start"]) for k, v in (("a", a), ("b", b)) if v.get("date_in_sentence") and v["start"]}
    if len(days) == 2 and abs((days["a"] - days["b"]).days) > 45:
        return True
    today = context.document_date
    if len(days) == 1 and today and abs((today - next(iter(days.values()))).days) > 90:
        return True  # a dated visit long before the article's own date is an earlier one
    if a["head"] and b["head"] and a["head"] != b["head"] and _told_as_past(context, later):
        return True  # "… signed last year, during a visit that the oil minister X made": another visit
    if a["head"] and b["head"] and a["head"] != b["head"] and _prepared(context, first) != _prepared(context, later):
        return True  # "the foreign minister came to prepare the president's visit": one made, one to come
    return _earlier_year(context, first) != _earlier_year(context, later)


def _told_as_past(context: DocumentContext, item: Found) -> bool:
    text = context.sentence_at(item.evidence.start).text
    return bool(_EARLIER.search(text) or _LAST_YEAR.search(text))


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "had last made a visit in 1998", "سبق أن زار … عام 2015", "ранее … в 2019 году"
_EARLIER = compile_cue(r"(?<!\w)(?:previously|had\s+last|last\s+visited|earlier|سبق|ранее|прежде)(?!\w)", re.I)
_LAST_YEAR = compile_cue(r"(?<!\w)(?:last\s+year|прошло\w*\s+год\w*|العام\s+الماضي|السنة\s+الماضية)(?!\w)", re.I)


def _earlier_year(context: DocumentContext, item: Found) -> bool:
    """The reading puts its visit in a year before the article's ("visit to New Zealand in 1998", "زار سلطنة
    عمان … عام 2015"): the year is told right after the word for the visit, not elsewhere in the sentence
    ("during the visit they reviewed the 2018 memorandum" is this visit)."""
    sentence = context.sentence_at(item.evidence.start)
    near = context.text[max(sentence.start, item.evidence.start - 40) : min(sentence.end, item.evidence.end + 120)]
    # "В 2022 году X, входивший в состав делегации, …": a year that opens the sentence dates all of it.
    near = context.text[sentence.start : sentence.start + 25] + " " + near
    if _LAST_YEAR.search(near):
        return True
    today = context.document_date
    years = [int(y) for y in _YEAR.findall(near)]
    if not years:
        # "when President X visited Kenya in May this year", in a report of August: months before, this year.
        months = [m for m in _months_in(near) if today and m < today.month - 1]
        return bool(months) and not _YEAR.search(context.text[sentence.start : sentence.end])
    return bool((today and max(years) < today.year) or _EARLIER.search(sentence.text))


_MONTHS = [
    r"january|январ\w*|يناير|كانون الثاني",
    r"february|феврал\w*|فبراير|شباط",
    r"march|март\w*|مارس|آذار",
    r"april|апрел\w*|أبريل|ابريل|نيسان",
    r"may|ма[йяе]|مايو|أيار",
    r"june|июн\w*|يونيو|حزيران",
    r"july|июл\w*|يوليو|تموز",
    r"august|август\w*|أغسطس|آب",
    r"september|сентябр\w*|سبتمبر|أيلول",
    r"october|октябр\w*|أكتوبر|تشرين الأول",
    r"november|ноябр\w*|نوفمبر|تشرين الثاني",
    r"december|декабр\w*|ديسمبر|كانون الأول",
]
# "in May", "в мае", "في مايو": the month the visit was made in, as the words after the preposition.
_IN_MONTH = [compile_cue(rf"(?<!\w)(?:in|в|во|في)\s+(?:{m})(?!\w)", re.I) for m in _MONTHS]


def _months_in(text: str) -> list[int]:
    return [number for number, pattern in enumerate(_IN_MONTH, start=1) if pattern.search(text)]


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso[:10]) if len(iso) >= 10 else dt.date(int(iso[:4]), int(iso[5:7] or 1), 1)


def _both_told(context: DocumentContext, item: Found, reverse: Found, named_host: set[int]) -> bool:
    """Both directions told with their destination named: each led by its own person, or in one sentence
    ("X visited Oman in 2015, while Y visited Syria"), or at different times."""
    return (
        _own_heads(context, item, reverse)
        or context.sentence_at(item.evidence.start) is context.sentence_at(reverse.evidence.start)
        or _other_visit(context, item, reverse, named_host)
        # "Матвиенко посетит Казахстан" and "казахстанская делегация приехала в Москву": one planned, one made
        or _planned(context, item) != _planned(context, reverse)
    )


def _prepared(context: DocumentContext, item: Found) -> bool:
    """The visit is one that someone prepares (``PREPARED_FOR`` just before the word for it), in every mention."""
    return all(
        PREPARED_FOR.search(context.text, max(context.sentence_at(e.start).start, e.start - 50), e.start)
        for e in [item.evidence, *item.extra_evidence]
    )


def _planned(context: DocumentContext, item: Found) -> bool:
    """The visit is told as one to come: the future or a plan next to the word for it."""
    sentence = context.sentence_at(item.evidence.start)
    near = context.text[max(sentence.start, item.evidence.start - 60) : min(sentence.end, item.evidence.end + 40)]
    return bool(PLANNED.search(near))


def _own_heads(context: DocumentContext, item: Found, reverse: Found) -> bool:
    """Each direction led by its own person, neither of whom serves the other side's country."""
    heads = (item.value["head"], reverse.value["head"])
    if not all(heads) or heads[0] == heads[1]:
        return False
    return context.country_of(heads[0]) in ("", item.value["origin_country"]) and context.country_of(heads[1]) in (
        "",
        reverse.value["origin_country"],
    )


def _sentence_span(context: DocumentContext, position: int) -> tuple[int, int]:
    sentence = context.sentence_at(position)
    return sentence.start, sentence.end


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _rank(value: dict) -> tuple[bool, bool, bool]:
    return (bool(value.get("date_in_sentence")), bool(value.get("end")), value.get("precision") == "day")


def _people_of(context: DocumentContext, item: Found, *, single_visit: bool) -> None:
    """Members are the origin country's people, host officials the host's; the head leads the members."""
    value = item.value
    spans = [item.evidence, *item.extra_evidence]
    sentences = {context.sentence_at(e.start).start: context.sentence_at(e.start) for e in spans}
    members, hosts = [], []
    for sentence in sentences.values():
        for person in context.people_in(sentence.start, sentence.end):
            country = person.country or context.country_of(person.name)
            if country == value["origin_country"] and person.name not in members:
                members.append(person.name)
            elif country == value["host_country"] and person.name not in hosts:
                hosts.append(person.name)
    # People of the origin country anywhere in the document were part of the visit; in an article about one
    # visit, the host country's people named in it are the officials who hosted it.
    for person in context.people:
        if _background(context, person):
            continue  # "Ранее президент России X заявлял …": told as background, not one of the visit
        if person.country == value["origin_country"] and person.name not in members:
            members.append(person.name)
        elif person.country == value["host_country"] and single_visit and person.name not in hosts:
            hosts.append(person.name)
    # With no one said to lead: not one said to be a member, nor the origin's ambassador posted in the host.
    followers = {
        p.name for p in context.people if member_only(context, p) or resident(context, p) or _spouse(context, p)
    }
    leaders = [m for m in members if m not in followers]
    if value["head"] and value["head"] in hosts:
        value["head"] = ""  # the host's own leader, named where another reading was merged in, heads no visit
    partner = _partner_of(context, value["head"]) if value["head"] else None
    if partner is not None:  # "Chairman X, his spouse Y and a delegation": X leads, Y comes with him
        members = [m for m in [value["head"], *members] if m != partner.name]
        value["head"] = partner.name
        context.give_country(partner.name, value["origin_country"])
    if not value["head"] and leaders:
        value["head"] = leaders[0]
    if not value["head"]:
        value["head"] = _likely_head(context, value["host_country"])
    value["members"] = [m for m in members if m != value["head"]]
    value["host_officials"] = [h for h in hosts if h != value["head"]]


# "Chairman X, his spouse Y and a high-ranking delegation": the spouse comes along, the official leads.
_SPOUSE_BEFORE = compile_cue(
    r"(?:\b(?:his|her)\s+(?:spouse|wife|husband)|\b(?:супруг[аи]?|жена|муж)|(?:زوجت(?:ه|ها)|عقيلت(?:ه|ها)|قرينت(?:ه|ها)))"
    r"[\s,]*(?:(?:Mrs?\.?|Madam|Madame|г-жа|السيدة)\s+)?$",
    re.I,
)


def _spouse(context: DocumentContext, person) -> bool:
    return bool(_SPOUSE_BEFORE.search(context.text, max(0, person.start - 40), person.start))


def _partner_of(context: DocumentContext, name: str):
    """The one named right before "his spouse NAME", when NAME is a spouse."""
    for ref in context.people:
        if ref.name == name and _spouse(context, ref):
            sentence = context.sentence_at(ref.start)
            before = [p for p in context.people_in(sentence.start, ref.start) if p.name != name]
            return before[-1] if before else None
    return None


def _background(context: DocumentContext, person) -> bool:
    return bool(BACKGROUND.match(context.sentence_at(person.start).text))


_BY_THE_HOST = compile_cue(
    r"(?:(?:received|welcomed|greeted|met|hosted|встречен\w*|принят\w*)(?:\s+\S+){0,3}?\s+by|"
    # "the delegation met Principal Secretary X": the one met, not the one who came
    r"(?<!\w)(?:met|meets|called\s+on|talks)(?:\s+with)?)\s+(?:\S+\s+){0,7}$",
    re.I,
)


_RECEIVES_AFTER = compile_cue(
    r"[^.;:؛]{0,40}?(?<!\w)(?<!was\s)(?<!were\s)(?<!been\s)(?:received|welcomed|greeted|hosted|принял\w*|встретил(?!ся)\w*|встречал(?!ся)\w*|"
    r"(?:كان\s+)?في\s+استقبال|[وف]?استقبل(?:ت)?)(?!\w)",
    re.I,
)
_MEMBERS_LISTED = compile_cue(
    r"(?:(?:в\s+(?:состав\s+)?делегаци\w+|в\s+ее\s+состав)\s+(?:также\s+)?вош\w+|"
    r"delegation\s+(?:also\s+)?(?:included|comprised|consisted\s+of)|(?:ضم|تألف|يضم)\s+(?:ال)?وفد)"
    r"(?:\s+\S+){0,5}\s+$",
    re.I,
)
_COUNTERPART_BEFORE = compile_cue(r"(?:counterpart|коллег\w*|نظير\w*)[\s,]+(?:\S+\s+){0,3}$", re.I)


def member_only(context: DocumentContext, person) -> bool:
    """The words right after the name say he is one of the delegation ("who is in Dushanbe as part of the
    delegation", "в составе делегации"), so he does not head it."""
    return bool(MEMBER_OF.match(context.text, person.end, person.end + 120))


def _likely_head(context: DocumentContext, host: str) -> str:
    """With no "headed by" and no country on anyone: the first person who meets or visits and does not
    serve the host ("During the visit, X met senior officials of North Macedonia")."""
    for index, sentence in enumerate(context.sentences):
        # The sentence after the one that tells the visit often names the visitor: "X's leader has travelled to
        # Laos on an official visit. Srettha Thavisin, who serves as Prime Minister, flew out of …".
        after_visit = index > 0 and VISIT.search(context.sentences[index - 1].text)
        own_cue = VISIT.search(sentence.text) or EVENT_PATTERNS["meeting"].search(sentence.text)
        if not (after_visit or own_cue):
            continue
        for person in context.people_in(sentence.start, sentence.end):
            if not own_cue and context.text[sentence.start : person.start].strip():
                break  # only a sentence that opens with the name introduces the visitor
            if _MEMBERS_LISTED.search(context.text, max(sentence.start, person.start - 60), person.start):
                continue  # "В делегацию вошли ректор X и …", "the delegation included X": members
            if _BY_THE_HOST.search(context.text, max(sentence.start, person.start - 90), person.start):
                continue  # "the delegation was received by X": X hosts, he does not lead
            if any(_RECEIVES_AFTER.match(context.text, p.end) for p in context.people if p.name == person.name):
                continue  # "وكان الوزير X في استقبال جوبي", "X welcomed his counterpart" anywhere: X hosts
            if _COUNTERPART_BEFORE.search(context.text, max(sentence.start, person.start - 40), person.start):
                continue  # "held a meeting with his Laotian counterpart, Prime Minister X": the one met
            if person.country in ("", None) and not context.country_of(person.name):
                return person.name
            if person.country == host:
                break
    return ""
