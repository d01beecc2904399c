"""Arabic people: rules on how Arabic news names people (honorifics, titles before and after the name,
بن/بنت/آل/ال), since no offline Arabic NER model ships its weights."""

from __future__ import annotations

import re

from .countries import countries_in
from .people_base import Mention, organisation_in

_AR_TITLES = (
    "وزير", "وزيرة", "رئيس", "رئيسة", "نائب", "نائبة", "سفير", "سفيرة", "مدير", "مديرة", "الأمين", "أمين",
    "حاكم", "مستشار", "مستشارة", "وكيل", "وكيلة", "عميد", "مساعد", "سمو", "معالي", "سعادة", "المدير",
    "الرئيس", "عضو", "محافظ", "قنصل", "ولي",
)  # fmt: skip
_AR_HONORIFICS = ("الشيخ", "الشيخة", "سمو", "معالي", "سعادة", "الدكتور", "الدكتورة", "د.", "المهندس")
_AR_STOP = {
    "مع", "بحضور", "حضور", "برئاسة", "بقيادة", "عن", "على", "إلى", "الى", "من", "في", "أن", "إن", "التي", "الذي", "كما",
    "وقال", "قال", "قالت", "وقالت", "أكد", "أكدت", "وأكد", "وأكدت", "أضاف", "أضافت", "وأضاف", "وأضافت", "شدد",
    "شددت", "وشدد", "أبرم", "وأبرم", "أبرمت", "وقع", "وقعت", "ووقع", "التقى", "التقت", "استقبل", "استقبلت", "زار",
    "زارت", "بحث", "بحثت", "جهته", "جهتها", "وتوجيهات", "توجيهات", "رؤى", "دولة", "جمهورية", "مذكرة", "تفاهم",
    "اجتماعًا", "اجتماعا", "لقاء", "وفد", "الوفد", "ترأس", "ترأست", "يرأس", "حيث", "وذلك", "ذلك", "هذا", "هذه",
    "خلال", "ضمن", "بين", "عقد", "وعقد", "عقدت", "شارك", "وشارك", "شاركت", "أعلن", "أعلنت", "كلمة",
}  # fmt: skip
_AR_ORG_WORDS = {"مجلس", "وزارة", "اللجنة", "لجنة", "هيئة", "مؤسسة", "دولة", "حكومة", "القمة", "مكتب", "جامعة"}
_AR_NAME_PARTICLES = {"بن", "بنت", "آل", "ابن", "أبو", "عبد", "عبدال"}
_AR_WORD = re.compile(r"[\u0600-\u06ff]+")


def _is_title_word(word: str) -> bool:
    return word in _AR_TITLES or (word.startswith("و") and word[1:] in _AR_TITLES and word[1:] != "زير")


def extract_arabic(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    words = [(m.group(0), m.start(), m.end()) for m in _AR_WORD.finditer(text)]
    for index, (word, w_start, _w_end) in enumerate(words):
        if word not in _AR_TITLES:
            continue
        # Walk back over the name: words with no punctuation between them, not function words or verbs.
        name_words: list[tuple[str, int, int]] = []
        cursor = index - 1
        stopped_on_title = False
        while cursor >= 0 and len(name_words) < 6:
            candidate, c_start, c_end = words[cursor]
            following_start = name_words[0][1] if name_words else w_start
            gap = text[c_end:following_start]
            # Stop words also come with a conjunction attached ("وحضور", "وبحضور").
            if gap.strip() or candidate in _AR_STOP or (candidate[:1] == "و" and candidate[1:] in _AR_STOP):
                break
            if _is_title_word(candidate):
                stopped_on_title = not gap.strip()
                break
            previous = words[cursor - 1][0] if cursor > 0 else ""
            # "ال" words are names only as a last name ("الرومي") or after آل/بن; otherwise they end the walk.
            if candidate.startswith("ال") and name_words and previous not in _AR_NAME_PARTICLES:
                break
            if candidate.startswith("ال") and not name_words and previous in _AR_STOP:
                break
            name_words.insert(0, (candidate, c_start, c_end))
            if candidate.startswith("ال") and previous not in _AR_NAME_PARTICLES and len(name_words) > 1:
                break
            cursor -= 1
        honorific = ""
        if name_words and name_words[0][0] in _AR_HONORIFICS:
            honorific = name_words.pop(0)[0]
        # "رئيس مجلس الوزراء حاكم دبي": words between two titles are the first title's object, not a name.
        if stopped_on_title or len(name_words) < 2 or all(w.startswith("ال") for w, _s, _e in name_words):
            continue
        if any(w in _AR_ORG_WORDS for w, _s, _e in name_words):
            continue
        first, f_start, f_end = name_words[0]
        # A leading conjunction "و" belongs to the sentence, not the name ("وكوه جيان").
        if first.startswith("و") and len(first) > 3 and first not in {"وليد", "وائل", "وفاء", "وداد", "وسام"}:
            name_words[0] = (first[1:], f_start + 1, f_end)
        if honorific == "" and cursor >= 0 and words[cursor][0] in _AR_HONORIFICS:
            honorific = words[cursor][0]
        start, end = name_words[0][1], name_words[-1][2]
        name = text[start:end]
        title_end = _arabic_title_end(text, w_start)
        title = text[w_start:title_end].strip(" ،,")
        countries = countries_in(title)
        mentions.append(
            Mention(
                name=name,
                normal=name,
                start=start,
                end=end,
                title=title,
                organisation=organisation_in(title),
                country=countries[0] if countries else "",
                honorific=honorific,
                confidence=0.85,
            )
        )
    return mentions


def _arabic_title_end(text: str, start: int) -> int:
    stop = re.compile(r"[،,.؛:\n\"«»]|\s(?:على|إلى|بهدف|لبحث|خلال|أن|عن|حيث|وذلك|بتوسيع)\s")
    match = stop.search(text, start)
    end = match.start() if match else len(text)
    # At most twelve words: a title never runs longer in this genre.
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 12:
        end = start + words[11].end()
    return end
