"""Delegations, events, agreements, training programmes and topics, each anchored on its cue words."""

from __future__ import annotations

import re

from .base import Found, evidence_for, sentence_bounds
from .countries import countries_in, find_countries

# --- events ------------------------------------------------------------------------------------------------

_EVENT_CUES: dict[str, tuple[str, ...]] = {
    "roundtable": (r"round\s?table", r"кругл\w+ стол\w*", r"طاولة مستديرة"),
    "side_event": (r"side event",),
    "expert_session": (r"expert session", r"экспертн\w+ сесси\w+"),
    "summit": (r"summit", r"forum", r"саммит\w*", r"форум\w*", r"القمة", r"قمة", r"منتدى"),
    "field_visit": (r"field visits?", r"visited\s+(?:the\s+)?[A-Z]", r"посетил[иа]?", r"زيار(?:ة|ات) ميدانية"),
    "signing": (r"signing", r"signed", r"подписани\w+", r"подписал\w*", r"توقيع", r"وقع(?:ت|ا)?\b"),
    "training": (r"training", r"обучени\w+", r"тренинг\w*", r"تدريب\w*", r"الدورة التدريبية"),
    "exhibition_visit": (r"exhibition", r"выставк\w+", r"معرض"),
    "meeting": (r"meetings?", r"met with", r"встреч\w+", r"переговор\w+", r"اجتماع\w*", r"لقاء", r"التقى", r"التقت"),
    "announcement": (r"announced the launch", r"launch(?:ed)? of", r"объявил\w* о запуске", r"أطلق\w*"),
}


def extract_events(text: str, *, dates: list[Found] | None = None) -> list[Found]:
    found: list[Found] = []
    seen_sentences: set[tuple[int, str]] = set()
    for kind, cues in _EVENT_CUES.items():
        pattern = re.compile(rf"(?<!\w)(?:{'|'.join(cues)})(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text):
            left, right = sentence_bounds(text, match.start(), match.end())
            if (left, kind) in seen_sentences:
                continue
            seen_sentences.add((left, kind))
            sentence = text[left:right]
            date = next((d for d in dates or [] if left <= d.evidence.start < right and d.value["start"]), None)
            value = {
                "kind": kind,
                "start": date.value["start"] if date else None,
                "end": date.value["end"] if date else None,
                "precision": date.value["precision"] if date else None,
                "title": _event_title(kind, sentence, match.group(0)),
                "countries": countries_in(sentence),
                "cue": match.group(0),
            }
            found.append(Found("event", value, evidence_for(text, match.start(), match.end()), 0.6))
    # Several cues per sentence often describe one event: keep the most specific kind per sentence.
    order = list(_EVENT_CUES)
    best: dict[int, Found] = {}
    for item in found:
        left, _right = sentence_bounds(text, item.evidence.start, item.evidence.end)
        current = best.get(left)
        if current is None or order.index(item.value["kind"]) < order.index(current.value["kind"]):
            best[left] = item
    # One candidate per kind: the first sentence is the evidence, the others support it.
    by_kind: dict[str, Found] = {}
    for item in sorted(best.values(), key=lambda f: f.evidence.start):
        if item.value["kind"] in by_kind:
            by_kind[item.value["kind"]].extra_evidence.append(item.evidence)
            by_kind[item.value["kind"]].confidence = min(0.9, by_kind[item.value["kind"]].confidence + 0.1)
        else:
            by_kind[item.value["kind"]] = item
    return list(by_kind.values())


def _event_title(kind: str, sentence: str, cue: str) -> str:
    quoted = re.search(r"[“\"«]([^”\"»]{6,160})[”\"»]", sentence)
    if quoted:
        return quoted.group(1)
    return sentence.strip()[:160]


# --- delegations -------------------------------------------------------------------------------------------

_DELEGATION = re.compile(r"(?<!\w)(?:delegations?|делегаци\w+|(?:ال|و)?وفد(?:ا|ًا)?)(?!\w)", re.IGNORECASE)
_HEADED_BY = re.compile(
    r"(?:headed by|led by|во главе с|под руководством|برئاسة)\s+(?:H\.E\.\s+)?(?P<rest>[^,.;\n]{3,160})", re.I
)


def extract_delegations(text: str, *, people: list[Found], dates: list[Found]) -> list[Found]:
    found: list[Found] = []
    used_sentences: set[int] = set()
    for match in _DELEGATION.finditer(text):
        left, right = sentence_bounds(text, match.start(), match.end())
        if left in used_sentences:
            continue
        sentence = text[left:right]
        around = text[max(0, match.start() - 60) : match.end() + 80]
        origin = _origin(text, match.start(), match.end())
        countries = [c for c in countries_in(sentence) if c != origin]
        if not origin:
            continue
        used_sentences.add(left)
        # Without a host in the sentence, the other country the document talks about most is the host.
        host = countries[0] if countries else _main_other_country(text, origin)
        head = ""
        headed = _HEADED_BY.search(sentence)
        if headed:
            for person in people:
                spans = [person.evidence, *person.extra_evidence]
                if any(left + headed.start("rest") <= e.start < left + headed.end("rest") for e in spans):
                    head = person.value["normal"]
        members = [
            p.value["normal"]
            for p in people
            if p.value["normal"] != head
            and any(left - 400 <= e.start <= right + 800 for e in [p.evidence, *p.extra_evidence])
            and (not p.value.get("country") or p.value.get("country") == origin)
        ]
        date = _nearest_date(dates, left, right)
        in_sentence = bool(date and left <= date.evidence.start <= right)
        value = {
            "origin_country": origin,
            "host_country": host,
            "head": head,
            "members": members,
            "start": date.value["start"] if date else None,
            "end": date.value["end"] if date else None,
            "precision": date.value["precision"] if date else None,
            "date_in_sentence": in_sentence,
            "title": around.strip(),
        }
        confidence = 0.85 if host and date else 0.65 if host else 0.5
        found.append(Found("delegation", value, evidence_for(text, match.start(), match.end()), confidence))
    return _merge_same_delegation(found)


def _date_rank(value: dict) -> tuple[bool, bool, bool, bool]:
    return (
        bool(value.get("start")),
        bool(value.get("date_in_sentence")),
        bool(value.get("end")),
        value.get("precision") == "day",
    )


def _main_other_country(text: str, origin: str) -> str:
    counts: dict[str, int] = {}
    for code, _start, _end in find_countries(text):
        if code != origin:
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.get) if counts else ""


def _origin(text: str, start: int, end: int) -> str:
    """ "Belarusian delegation", "delegation from Belarus", "белорусской делегации", "وفد إماراتي"."""
    before = find_countries(text[max(0, start - 40) : start])
    after_text = text[end : end + 40]
    after = re.match(r"\s*(?:from|of|из|من)\s+(?:the\s+)?", after_text, re.I)
    if after:
        hits = find_countries(after_text[after.end() :])
        if hits and hits[0][1] == 0:
            return hits[0][0]
    if before and before[-1][2] >= min(start, 40) - 2:
        return before[-1][0]
    hits = find_countries(after_text)
    if hits and hits[0][1] <= 2:  # Arabic and Russian put the adjective after: "وفد إماراتي"
        return hits[0][0]
    return ""


def _nearest_date(dates: list[Found], left: int, right: int) -> Found | None:
    inside = [d for d in dates if left <= d.evidence.start <= right and d.value["start"]]
    if inside:
        return inside[0]
    nearby = [d for d in dates if abs(d.evidence.start - left) < 600 and d.value["start"]]
    return min(nearby, key=lambda d: abs(d.evidence.start - left)) if nearby else None


def _merge_same_delegation(found: list[Found]) -> list[Found]:
    merged: dict[tuple[str, str], Found] = {}
    for item in found:
        key = (item.value["origin_country"], item.value["host_country"] or "")
        if key in merged:
            current = merged[key]
            current.extra_evidence.append(item.evidence)
            for field in ("head", "host_country"):
                if not current.value.get(field) and item.value.get(field):
                    current.value[field] = item.value[field]
            # Dates travel together. A date in the delegation's own sentence beats one nearby (a dateline is
            # the publication date, not the visit), a range beats a single day, a day beats a month.
            if item.value.get("start") and _date_rank(item.value) > _date_rank(current.value):
                current.value.update({k: item.value[k] for k in ("start", "end", "precision", "date_in_sentence")})
            current.value["members"] = list(dict.fromkeys([*current.value["members"], *item.value["members"]]))
            current.confidence = max(current.confidence, item.confidence)
        else:
            merged[key] = item
    for item in merged.values():
        item.value["members"] = [m for m in item.value["members"] if m != item.value.get("head")]
    # A delegation with no host is the same visit as one with a host and the same origin.
    result = [f for f in merged.values() if f.value["host_country"]]
    for item in merged.values():
        if not item.value["host_country"] and not any(
            r.value["origin_country"] == item.value["origin_country"] for r in result
        ):
            result.append(item)
    return result


# --- agreements --------------------------------------------------------------------------------------------

_AGREEMENT = re.compile(
    r"(?P<title>(?:[Mm]emorand(?:um|a) of [Uu]nderstanding|MoU|MOU|[Aa]greement|[Mm]emorandum)"
    r"(?:\s+(?:on|of|for|between)\s+[^.,;\n]{3,120})?"
    r"|(?:(?:Соглашени|соглашени|Меморандум|меморандум)\w*|[Дд]оговор(?:а|ом|е|у|ы)?(?!\w))(?:\s+(?:о|об|между)\s+[^.,;\n]{3,140})?"
    r"|مذكر(?:ة|تي) التفاهم|مذكر(?:ة|تي) تفاهم(?:\s+[^.،,؛\n]{0,80})?|اتفاقي(?:ة|ات)(?:\s+[^.،,؛\n]{0,80})?)"
)
_STATUS_CUES = (
    ("in_force", r"in force|entered into force|вступил\w* в силу|действующ\w+|حيز التنفيذ|نافذ"),
    (
        "under_negotiation",
        r"prepar\w+ (?:for|to) sign|to be signed|being prepared|under negotiation|draft|подготовк\w+ к подписанию|"
        r"переговорн\w+|проект\w* (?:соглашени|которо)|согласовани\w*|заинтересованност\w* в подписании|"
        r"التفاوض|مسودة|التحضير لتوقيع",
    ),
    ("signed", r"signed|signing|подписан\w*|подписал\w*|وقع\w*|توقيع|أبرم\w*|وأبرم\w*"),
)


def extract_agreements(text: str) -> list[Found]:
    found: list[Found] = []
    for match in _AGREEMENT.finditer(text):
        title = match.group("title").strip()
        if re.fullmatch(r"(?i)agreement|agreements|соглашени\w*", title) and not re.search(
            r"between|между", text[match.end() : match.end() + 40]
        ):
            confidence = 0.45
        else:
            confidence = 0.75
        left, right = sentence_bounds(text, match.start(), match.end())
        sentence = text[left:right]
        status = ""
        for name, cue in _STATUS_CUES:
            if re.search(cue, sentence, re.IGNORECASE):
                status = name
                break
        if re.search(r"ранее подписанн", sentence):
            status = "signed"
        kind = "mou" if re.search(r"(?i)memorand|mou|меморандум|مذكر", title) else "agreement"
        value = {
            "title": title.rstrip(" ,"),
            "kind": kind,
            "status": status or "proposed",
            "parties": countries_in(sentence),
        }
        found.append(Found("agreement", value, evidence_for(text, match.start(), match.end()), confidence))
    # The same agreement named twice ("the MoU", "مذكرة التفاهم") keeps its first, fullest mention.
    unique: dict[str, Found] = {}
    for item in found:
        key = item.value["title"].lower()[:60]
        # A headline and its first sentence name one MoU twice, with different words around it.
        same = next(
            (
                f
                for f in unique.values()
                if f.value["kind"] == "mou" == item.value["kind"]
                and (set(item.value["parties"]) <= set(f.value["parties"]) or not f.value["parties"])
            ),
            None,
        )
        if same is not None:
            same.extra_evidence.append(item.evidence)
            same.value["parties"] = list(dict.fromkeys([*same.value["parties"], *item.value["parties"]]))
            continue
        if key in ("مذكرة التفاهم", "the mou", "memorandum") and unique:
            previous = next((f for f in reversed(unique.values()) if f.value["kind"] == "mou"), None)
            if previous is not None:
                previous.extra_evidence.append(item.evidence)
                continue
        if key in unique:
            unique[key].extra_evidence.append(item.evidence)
        else:
            unique[key] = item
    return list(unique.values())


# --- training programmes -----------------------------------------------------------------------------------

_PROGRAMME = re.compile(
    r"(?P<title>(?:[A-Z][\w-]*\s+){1,6}(?:Programme|Program)(?!\w)(?:\s+(?:19|20)\d\d)?"
    r"|(?:[A-Z][\w-]*\s+){1,5}(?:Leadership|Training)\s+(?:19|20)\d\d(?:\s+(?:training\s+)?program(?:me)?)?"
    r"|программ\w+ «[^»]{3,120}»|برنامج [^.،,\n]{3,80})"
)
_COUNT = re.compile(
    r"(?:number of participants is|participants?:?)\s+(?P<a>\d{1,4})|(?P<b>\d{1,4})\s+(?:participants|civil servants|"
    r"trainees|участник\w*|госслужащ\w*|مشارك\w*|موظف\w*)",
    re.IGNORECASE,
)


def extract_programmes(text: str) -> list[Found]:
    found: dict[str, Found] = {}
    count_match = _COUNT.search(text)
    count = int(count_match.group("a") or count_match.group("b")) if count_match else None
    for match in _PROGRAMME.finditer(text):
        title = re.sub(r"^(?:The|the|As|Under|In)\s+", "", match.group("title").strip())
        year = re.search(r"(?:19|20)\d\d", title)
        key = re.sub(r"\W+|program(?:me)?|(?:19|20)\d\d", "", title.lower())
        value = {
            "title": title,
            "year": int(year.group(0)) if year else None,
            "participant_count": count,
            "countries": countries_in(text[max(0, match.start() - 200) : match.end() + 200]),
        }
        evidence = evidence_for(text, match.start(), match.end())
        if key in found:
            found[key].extra_evidence.append(evidence)
            if year and not found[key].value["year"]:
                found[key].value.update(title=title, year=value["year"])
            continue
        found[key] = Found("programme", value, evidence, 0.7 if re.search(r"Leadership|Training", title) else 0.5)
    return list(found.values())


# --- topics ------------------------------------------------------------------------------------------------

TOPIC_CUES: dict[str, tuple[str, str]] = {
    "artificial-intelligence": (
        "Artificial intelligence",
        r"artificial intelligence|\bAI\b|искусственн\w+ интеллект\w*|الذكاء الاصطناعي",
    ),
    "digital-transformation": (
        "Digital transformation",
        r"digital transformation|digitali[sz]ation|цифров\w+ (?:трансформаци|развити)\w*|цифровизаци\w*|التحول الرقمي",
    ),
    "e-government": (
        "E-government and digital services",
        r"e-government|digital (?:government )?services|электронн\w+ правительств\w*|государственн\w+ услуг"
        r"|الخدمات الحكومية الرقمية|الحكومة الرقمية",
    ),
    "cybersecurity": (
        "Cybersecurity",
        r"cyber\s?security|кибербезопасност\w*|الأمن السيبراني",
    ),
    "digital-health": (
        "Digital health",
        r"digital health|цифровизаци\w+ здравоохранени\w*|الصحة الرقمية",
    ),
    "capacity-building": (
        "Capacity building",
        r"capacity[- ]building|national capacities|развити\w+ потенциал\w*|بناء القدرات",
    ),
    "leadership": (
        "Leadership",
        r"leadership|лидерств\w*|القيادة",
    ),
    "strategic-planning": (
        "Strategic planning",
        r"strategic planning|стратегическ\w+ планировани\w*|التخطيط الاستراتيجي",
    ),
    "project-management": (
        "Project management",
        r"project management|управлени\w+ проект\w*|إدارة المشاريع",
    ),
    "policy-development": (
        "Policy development",
        r"policy development|разработк\w+ политик\w*|تطوير السياسات",
    ),
    "innovation": (
        "Government innovation",
        r"innovation|инноваци\w*|الابتكار",
    ),
    "accelerators": (
        "Government accelerators",
        r"accelerat\w+|акселерат\w+|المسرعات|مسرعات",
    ),
    "experience-exchange": (
        "Experience exchange",
        r"experience exchange|exchange (?:of )?experience|обмен\w* опытом|تبادل الخبرات",
    ),
    "trade-investment": (
        "Trade and investment",
        r"investment|free trade|инвестиц\w+|торговл\w+|الاستثمار",
    ),
}


def extract_topics(text: str) -> list[Found]:
    found: list[Found] = []
    for slug, (name, cue) in TOPIC_CUES.items():
        matches = list(re.finditer(cue, text, re.IGNORECASE))
        if not matches:
            continue
        first = matches[0]
        confidence = min(0.95, 0.5 + 0.15 * len(matches))
        item = Found(
            "topic",
            {"slug": slug, "name": name, "mentions": len(matches)},
            evidence_for(text, first.start(), first.end()),
            confidence,
        )
        item.extra_evidence = [evidence_for(text, m.start(), m.end()) for m in matches[1:4]]
        found.append(item)
    return found
