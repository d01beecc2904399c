"""The token reader behind ``people_ar``: how tokens relate (adjacent, a comma between), where a name starts and
ends, and the anchors around it (an honorific chain, a title before or after)."""

from __future__ import annotations

import re

from .people_ar_words import (
    _AL_CONTINUES,
    _AL_NOT_NAME,
    _AT_THE_SEAT_OF,
    _CHAIN_TAIL,
    _COMMON_NOUNS,
    _COUNTERPARTS,
    _HONORIFICS,
    _INDEFINITE_TITLES,
    _INSIDE_TITLE,
    _KUNYA,
    _LINEAGE,
    _MAGHREB_LINEAGE,
    _MAX_FREE_WORDS,
    _NOT_NATIONALITY,
    _OWNER,
    _OWNER_OF,
    _PARTICLES,
    _PLACES,
    _SEATS,
    _SHEIKH,
    _SPEECH_FOLLOWERS,
    _STATE_WORDS,
    _TITLE_HONORIFICS,
    _TITLE_NOUNS,
    _TITLES,
    _TO,
    _WORD,
    _adjective_after_name,
    _bare,
    _chain_word,
    _countries,
    _derived_form,
    _fold,
    _given_names,
    _governed,
    _has_attached_article,
    _in_a_place,
    _is_al,
    _is_nationality,
    _is_org,
    _is_stop,
    _is_title,
    _listed_nationality,
    _malian,
    _nameish,
    _not_a_name_word,
    _pronoun_suffixed,
    _strip_conjunction,
    _ta_as_ha,
    _title_prefix,
    _Token,
    _transliterated_h,
    _two_word_nationality,
    _verb_like,
)

_OPENING_QUOTES = {'"', "«", "“", "”"}
_CLOSING_QUOTES = {'"', "»", "”", "“"}


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = [
            _Token(m.group(0), m.start(), m.end(), _fold(m.group(0)), _bare(m.group(0))) for m in _WORD.finditer(text)
        ]
        self.names, self.ambiguous = _given_names()
        self.taken = [False] * len(self.tokens)  # tokens already in a name, an honorific or an institution's name

    # --- token relations -------------------------------------------------------------------------------------

    def gap(self, left: int, right: int) -> str:
        """ "space" when only spaces separate two tokens, "comma" for a comma, "break" for anything else."""
        between = self.text[self.tokens[left].end : self.tokens[right].start]
        if "\n" in between:
            return "break"
        stripped = between.strip()
        if not stripped:
            return "space"
        return "comma" if stripped in {"،", ","} else "break"

    def dotted(self, index: int) -> bool:
        """ "د. محمد": the abbreviation of الدكتور, a dot between it and the name."""
        if self.tokens[index].fold != "د" or index + 1 >= len(self.tokens):
            return False
        between = self.text[self.tokens[index].end : self.tokens[index + 1].start]
        return between.strip() == "." and "\n" not in between

    def quoted_gap(self, left: int, right: int) -> bool:
        """Only an opening quotation mark between two tokens: 'السفير "لونغ …'."""
        between = self.text[self.tokens[left].end : self.tokens[right].start].strip()
        return between in _OPENING_QUOTES

    def quote_closes(self, index: int) -> bool:
        """A closing quotation mark right after token ``index``."""
        return self.text[self.tokens[index].end :].lstrip(" ")[:1] in _CLOSING_QUOTES

    def adjacent(self, left: int, right: int) -> bool:
        return left >= 0 and right < len(self.tokens) and self.gap(left, right) == "space"

    def given(self, index: int) -> bool:
        """A known given name starts here: "محمد", "عبدالله", or "عبد" + "الله"/"الرحمن"."""
        token = self.tokens[index]
        if token.fold in self.names or _ta_as_ha(token.fold) in self.names:
            return True  # "نبيله", "أسامه": Egyptian papers write a final ة as ه
        return token.fold == "عبد" and self.adjacent(index, index + 1) and _is_al(self.tokens[index + 1])

    def given_with_prefix(self, index: int) -> int:
        """Length of an attached و/ف/ل/ب before a known given name ("ومحمد", "لعبدالله"), or -1."""
        fold = self.tokens[index].fold
        if self.given(index):
            return 0
        for prefix in ("و", "ف", "ل", "ب", "وب", "ول"):
            rest = fold[len(prefix) :]
            if fold.startswith(prefix) and rest in self.names:
                return len(prefix)
            following = self.adjacent(index, index + 1) and _is_al(self.tokens[index + 1])
            if fold.startswith(prefix) and rest == "عبد" and following:  # "وعبد الرحمن"
                return len(prefix)
        return -1

    def org_before(self, index: int) -> bool:
        """ "مؤسسة محمد بن راشد", "بجامعة الملك سعود": an institution word in construct with the name. A definite
        one is not in construct ("الناطق باسم الحكومة أحمد الصحاف"): the name after it starts anew."""
        if index == 0 or not self.adjacent(index - 1, index):
            return False
        before = self.tokens[index - 1]
        return _is_org(before.fold) and not _is_al(before) and not _has_attached_article(before.bare)

    def org_after(self, index: int) -> bool:
        """ "… للإدارة الحكومية": a name followed by لل+noun is an institution's name."""
        return self.adjacent(index, index + 1) and self.tokens[index + 1].bare.startswith("لل")

    # --- the name itself -------------------------------------------------------------------------------------

    def lineage_after(self, index: int) -> bool:
        """ "الناني ولد …", "الحنشي ولد …": بن/بنت/ولد follows, so the word is a given name, article or not."""
        return self.adjacent(index, index + 1) and self.tokens[index + 1].fold in _LINEAGE

    def read_name(self, start: int, *, article: bool = False) -> list[int]:
        """Indices of the name words from ``start`` on (empty when no name starts there). With ``article`` (right
        after an honorific) a first word with the article followed by a word without it is a given name too:
        "السيدة الجوهرة فخرو"."""
        tokens, names = self.tokens, []
        index, free = start, 0
        while index < len(tokens) and free < _MAX_FREE_WORDS:
            if names and not self.adjacent(names[-1], index):
                break
            token = tokens[index]
            if (token.fold in _PARTICLES and names) or token.fold in _PARTICLES - {"ال", "بن", "بنت", "ولد"}:
                follower = index + 1
                if not self.adjacent(index, follower):
                    break
                nxt = tokens[follower]
                # "ولد الشيخ", and the family "آل الشيخ" (folded "ال الشيخ"): الشيخ there is a name, not a title
                sheikh_name = (token.fold in _MAGHREB_LINEAGE or token.fold == "ال") and nxt.fold in _SHEIKH
                if not _governed(nxt) and not sheikh_name:
                    break
                names += [index, follower]
                index += 2
                free += 1
                if token.fold == "ال":  # آل + family: the name ends
                    break
                if token.fold in _KUNYA and _is_al(nxt):  # "أحمد أبو الغيط رسالة": أبو + ال… ends it too
                    break
                continue
            # "محمد الأمين ولد …": before ولد/بن a word with the article is a name, even one that is a title.
            lineage = bool(names) and _is_al(token) and self.lineage_after(index) and not _is_stop(token.fold)
            # "فام مينه تشينه": a Vietnamese syllable in ـينه inside a name with no article.
            syllable = bool(names) and _transliterated_h(token.fold) and not any(_is_al(tokens[i]) for i in names)
            syllable = syllable or self._family_in_ha(names, index)
            if not lineage and not syllable and (not _nameish(token) or (not names and _verb_like(token.fold))):
                if self._last_before_comma(names, index):
                    names.append(index)
                break
            if _is_al(token) and not names and (self.given(index) or self.lineage_after(index) or article):
                names.append(index)  # "الحسين ولد الناجى": a given name with the article starts the name
                free += 1
                index += 1
                continue
            if _is_al(token):
                if not names or token.fold in _AL_NOT_NAME or token.fold in _NOT_NATIONALITY:
                    break
                if token.fold.endswith("ة") and not self.has_given(names):
                    break  # "صامويل أبلاكوا الجولة الثانية": after a transliterated name, the object's noun
                if _adjective_after_name(token.fold):
                    break
                names.append(index)
                if token.fold in _AL_CONTINUES or self.lineage_after(index):
                    index += 1  # "عبد الله", "محمد الحنشي ولد الكتاب"
                    continue
                # "نواف الأحمد الجابر الصباح": in Gulf usage a father's name takes the article, and the family name
                # follows it; a given name with ال is such a link, not yet the family name.
                nxt = index + 1
                link = token.fold[2:] in self.names and self.adjacent(index, nxt) and _is_al(tokens[nxt])
                if link and not tokens[nxt].fold.endswith("ة"):
                    index += 1
                    continue
                break
            # "لي سانغ مين أهمية": a feminine noun, not the end of a transliterated name; but a Maghrebi family
            # name in ة ends one right before a title ("رمطان لعمامرة وزير …").
            feminine = names and token.fold.endswith("ة") and not self.given(start) and token.fold not in self.names
            if feminine and not self._title_after_word(index):
                break
            names.append(index)
            free += 1
            index += 1
        return names

    def _last_before_comma(self, names: list[int], index: int) -> bool:
        """ "أنيكن فيتفيلت، وزيرة …": a transliterated family name can have the shape of a verb ("فيتفيلت" reads
        as ف + يتفعل). After a name with no article and before a comma and the title it sets off, it is the
        name's last word."""
        following = index + 1
        if not names or following >= len(self.tokens) or self.gap(index, following) != "comma":
            return False
        if not _is_title(self.tokens[following].fold, prefixed=True):
            return False  # "… ويتسلم، في ختام الزيارة، …": a verb and an aside
        if any(_is_al(self.tokens[i]) for i in names):
            return False
        token = self.tokens[index]
        return _derived_form(token.fold) and not _pronoun_suffixed(token.fold) and _nameish(token, shapes=False)

    def _family_in_ha(self, names: list[int], index: int) -> bool:
        """ "محمد شحاته، مدير …", "أمل سلامه إن": after a known given name a family name in ه (Egyptian spelling
        of ة) closes the name before punctuation, a title or a speech particle; a noun with a pronoun suffix goes
        on into the sentence instead ("أكد أحمد حرصه على …")."""
        fold = self.tokens[index].fold
        if not names or not fold.endswith("ه") or len(fold) < 4 or not self.given(names[0]) or fold[0] in "وفبل":
            return False
        following = index + 1
        if following >= len(self.tokens) or self.gap(index, following) != "space":
            return True
        nxt = self.tokens[following].fold
        return _is_title(nxt, prefixed=True) or nxt in _SPEECH_FOLLOWERS

    def _title_after_word(self, index: int) -> bool:
        following = index + 1
        return self.adjacent(index, following) and _is_title(self.tokens[following].fold, prefixed=True)

    def boundary_after(self, last: int, *, first: int | None = None) -> bool:
        """The sentence plainly goes on after token ``last``: punctuation, the end, a stop word, a title with a
        conjunction ("وولي العهد"), an honorific or a counterpart ("ونظيره"). Given the name's ``first`` word,
        also a definite noun ("… تتيانا مورينو والوفد المرافق", "… أبلاكوا الجولة الأولى"): a transliterated
        name has no article, so one starts what follows; the first word must read as transliterated (a long
        vowel after its first letter), since a verb and its object before a definite noun ("رفع سقف الدين") do
        not."""
        following = last + 1
        if following >= len(self.tokens) or self.gap(last, following) != "space":
            return True
        token = self.tokens[following]
        fold = token.fold
        # ... or a feminine or everyday noun that starts the object ("السفير جيرالد فيرشتاين نسخة من …")
        noun = (fold.endswith("ة") and fold not in self.names) or fold in _COMMON_NOUNS
        if first is not None and (_is_al(token) or _has_attached_article(token.bare) or noun):
            head = self.tokens[first].fold
            if (
                len(head) >= 3
                and any(c in "اوي" for c in head[1:])
                and not any(_is_al(self.tokens[i]) for i in range(first, last + 1))
            ):
                return True
        return (
            _is_stop(fold)
            or _not_a_name_word(fold)  # "… سيبي جورج قوله، …": a noun with a pronoun suffix
            or _is_title(fold, prefixed=True)
            or self.chain_at(following) != following
            or _chain_word(fold) in _HONORIFICS | _COUNTERPARTS
        )

    def has_given(self, names: list[int]) -> bool:
        """A known given name among the words, the first one also with its conjunction ("وعودة النوايشة")."""
        return any(self.given(i) for i in names) or (bool(names) and 0 < self.given_with_prefix(names[0]) <= 1)

    # --- anchors ---------------------------------------------------------------------------------------------

    def chain_at(self, index: int) -> int:
        """End (exclusive) of an honorific chain starting at ``index``; ``index`` when there is none."""
        tokens = self.tokens
        first = _chain_word(tokens[index].fold)
        if first not in _HONORIFICS and first not in _OWNER and first not in _COUNTERPARTS:
            return index
        if first in _OWNER and not (self.adjacent(index, index + 1) and tokens[index + 1].fold in _OWNER_OF):
            return index
        end, previous = index + 1, first
        while end < len(tokens):
            if not (self.adjacent(end - 1, end) or self.dotted(end - 1)):
                break
            fold = tokens[end].fold
            if not (
                fold in _HONORIFICS
                or fold in _CHAIN_TAIL
                or fold in _OWNER_OF
                or (fold in _OWNER and self.adjacent(end, end + 1) and tokens[end + 1].fold in _OWNER_OF)
                or ((previous in _TITLE_HONORIFICS or previous in _COUNTERPARTS) and _is_nationality(tokens[end]))
                or _malian(previous, fold)
                or (previous in _TITLE_HONORIFICS | _COUNTERPARTS and self.two_word_nationality(end))
                or (end > index + 1 and self.two_word_nationality(end - 1))
            ):
                break
            previous = fold
            end += 1
        # "د" alone is a letter, not an honorific, unless a dot follows it.
        if first == "د" and end == index + 1 and not self.text[tokens[index].end :].startswith("."):
            return index
        return end

    def title_after(self, last: int) -> tuple[int, int] | None:
        """(start, end) offsets of a title right after the name, with or without a comma."""
        following = last + 1
        if following >= len(self.tokens) or self.gap(last, following) == "break":
            return None
        token = self.tokens[following]
        if not _is_title(token.fold):
            return None
        end = _arabic_title_end(self.text, token.start)
        # The title ends where the sentence goes on: a verb or function word, or the next person's honorific.
        index = following + 1
        while index < len(self.tokens) and self.tokens[index].start < end:
            fold = self.tokens[index].fold
            chain = self.chain_at(index)
            seat = fold == _AT_THE_SEAT_OF and index + 1 < len(self.tokens) and self.tokens[index + 1].fold in _SEATS
            if (_is_stop(fold) and fold not in _INSIDE_TITLE and not seat) or (
                chain != index and self.adjacent(chain - 1, chain) and self.read_name(chain)
            ):
                end = self.tokens[index].start
                break
            index += 1
        return token.start, end

    def title_before(self, first: int) -> tuple[int, int] | None:
        """(start, end) of a title phrase that ends right before token ``first`` ("وزير التخطيط …")."""
        best = None
        index = first - 1
        while index >= 0 and first - index <= 12 and self._title_goes_on(index) and not self.taken[index]:
            token = self.tokens[index]
            if _is_title(token.fold):
                best = index
            elif _is_title(token.fold, prefixed=True):
                best = index
                break
            elif not self.title_object(index) and token.fold not in _HONORIFICS:
                break
            index -= 1
        if best is None:
            return None
        prefixed = self.tokens[best].fold not in _TITLES  # "، ووزير النقل …": a new item of a list
        if not prefixed and best > 0 and self.taken[best - 1] and self.gap(best - 1, best) != "break":
            return None  # "… الظاهري مديرة الإدارة السفير …": the title belongs to the name before it
        start = self.tokens[best].start + (max(_title_prefix(self.tokens[best].fold), 0) if prefixed else 0)
        return start, self.tokens[first - 1].end

    def _title_goes_on(self, index: int) -> bool:
        """Token ``index`` and the one after it are of one phrase; a comma too before an honorific right before the
        name ("وزيرة النقل، المهندسة وسام التهتموني")."""
        if self.adjacent(index, index + 1):
            return True
        return (
            self.gap(index, index + 1) == "comma"
            and self.tokens[index + 1].fold in _HONORIFICS
            and (index + 2 >= len(self.tokens) or not _is_title(self.tokens[index + 1].fold))
        )

    def nationality(self, index: int) -> bool:
        """A nationality adjective, «المالي» included where it means Malian."""
        if _is_nationality(self.tokens[index]):
            return True
        return (
            index > 0
            and self.adjacent(index - 1, index)
            and _malian(self.tokens[index - 1].fold, self.tokens[index].fold)
        )

    def names_in_title(self, first: int, end: int) -> bool:
        """A known given name right after a nationality adjective inside the title phrase from token ``first`` to
        offset ``end`` ("الرئيس الإيراني إبراهيم رئيسي"): the phrase is the next person's title."""
        index = first + 1
        while index < len(self.tokens) and self.tokens[index].end <= end:
            if self.given(index) and self.adjacent(index - 1, index) and _is_nationality(self.tokens[index - 1]):
                return True
            index += 1
        return False

    def country_continues(self, index: int) -> bool:
        """ "جزر سليمان", "غينيا بيساو": the word ends a country's name of two words (a given name, too, at times)."""
        return index > 0 and self._country_pair(index - 1)

    def country_starts(self, index: int) -> bool:
        """ "جزر" in "جزر سليمان": the word starts a country's name of two words."""
        return index + 1 < len(self.tokens) and self._country_pair(index)

    def _country_pair(self, left: int) -> bool:
        if not self.adjacent(left, left + 1):
            return False
        first, second = self.tokens[left].text, self.tokens[left + 1].text
        alone = set(_countries(first)) | set(_countries(second))
        return bool(set(_countries(f"{first} {second}")) - alone)

    def two_word_nationality(self, index: int) -> bool:
        following = index + 1
        if not self.adjacent(index, following):
            return False
        return _two_word_nationality(self.tokens[index].fold, self.tokens[following].fold)

    def title_phrase_before(self, last: int) -> int | None:
        """Start of a whole title phrase that ends at token ``last`` ("وزير الشؤون الخارجية لجمهورية جيبوتي",
        "ونظيره البرازيلي", "ولي العهد الإسباني"), or of a listed nationality alone ("والبيروفية") standing for
        one; None when the words before ``last`` are not a title's."""
        tokens = self.tokens
        if _listed_nationality(tokens[last]) and (last == 0 or not self.adjacent(last - 1, last)):
            return last
        index, lead = last, None
        while index >= 0 and last - index < 14 and not self.taken[index]:
            token = tokens[index]
            if _is_title(token.fold, prefixed=True) or _chain_word(token.fold) in _COUNTERPARTS:
                lead = index
            elif not (self.title_object(index) or _is_nationality(token)):
                break
            if index == 0 or not self.adjacent(index - 1, index):
                break
            index -= 1
        return lead

    def place(self, index: int) -> bool:
        token = self.tokens[index]
        return bool(_countries(token.text)) or _strip_conjunction(token.fold) in _PLACES or token.fold in _PLACES

    def construct_after_title(self, index: int) -> bool:
        """An indefinite title is always followed by its complement ("وزير خارجية …", "سفير دولة …"), so the word
        right after one is part of the title, whatever it is, unless it is a known given name or a stop word."""
        if index == 0 or not self.adjacent(index - 1, index) or self.given(index) or _is_stop(self.tokens[index].fold):
            return False
        title = self.tokens[index - 1].fold
        prefix = max(_title_prefix(title), 0)
        return title[prefix:] in _INDEFINITE_TITLES

    def title_object(self, index: int) -> bool:
        """A word that continues a title phrase: "الاقتصاد", "شؤون", "لتطوير", "جمهورية رواندا"."""
        token = self.tokens[index]
        fold = token.fold
        if fold == _TO and self.adjacent(index, index + 1) and self.place(index + 1):
            return True  # "المبعوث الخاص إلى روسيا": an envoy's or a delegation's destination
        if _is_stop(fold) and fold not in _INSIDE_TITLE:
            return False
        if fold in _INSIDE_TITLE or _is_al(token) or _has_attached_article(token.bare):
            return True
        if index > 0 and self.adjacent(index - 1, index) and _two_word_nationality(self.tokens[index - 1].fold, fold):
            return True  # "وزيرة العلاقات الدولية الجنوب أفريقية"
        if index > 0 and self.adjacent(index - 1, index) and _is_org(self.tokens[index - 1].fold):
            return True  # "الأمين العام لرابطة آسيان": the organisation's own name
        if self.country_continues(index) or self.country_starts(index):
            return True  # "رئيس وزراء جزر سليمان", "وزير خارجية غينيا بيساو"
        if fold in _TITLE_NOUNS or _is_title(fold, prefixed=True) or self.place(index):
            return True
        if fold[:1] == "و" and fold[1:] in _TITLE_NOUNS:
            return True  # "وزير الخارجية وشؤون المغتربين": a ministry of two portfolios
        if fold[:1] in "بل" and fold[1:] in _TITLE_NOUNS:
            return True  # "مدير ملف التعدين بوزارة المعادن", "المستشار بهيئة …": the seat of the post
        if self.construct_after_title(index):
            return True  # "وزير خارجية أذربيجان": the noun right after an indefinite title is its complement
        if (fold[:1] in "بل" and fold[1:] in _STATE_WORDS) or _in_a_place(token):
            return True  # "رئيس الوزراء بجمهورية كوريا", "السفير الروسي بدمشق"
        if fold[:1] == "ل" and len(fold) >= 5 and fold not in self.names:
            return True  # "لشؤون", "لتطوير"
        return index > 0 and self.adjacent(index - 1, index) and self.tokens[index - 1].fold in _STATE_WORDS


def _arabic_title_end(text: str, start: int) -> int:
    stop = re.compile(r"[،,.؛:\n\"«»()]|\s(?:على|إلى|بهدف|لبحث|خلال|أن|عن|حيث|وذلك|بتوسيع|مع|اليوم|أمس)\s")
    match = stop.search(text, start)
    end = match.start() if match else len(text)
    # At most sixteen words: a title never runs longer in this genre, two posts held together included ("رئيس قسم …
    # بوزارة الخارجية والتعاون الدولي ورئيس وحدة التعاون بالسفارة الليبية").
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 16:
        end = start + words[15].end()
    return end
