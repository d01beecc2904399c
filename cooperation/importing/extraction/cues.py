"""Cue words that both the delegation and the event readers look for: receptions, meetings, and the words
that mark something as not (yet) having happened."""

from __future__ import annotations

import re

from .base import compile_cue

RECEIVED = compile_cue(
    r"(?<!\w)(?:received|receives|hosted|hosts|play(?:ed|s)\s+host\s+to|welcomed|welcomes|принял\w*|принимал\w*|"
    # "встретил гостей" receives; "встретился с" only meets
    r"встретил(?!ся|ась|ись)\w*|встречал(?!ся|ась|ись)\w*|"
    r"[وف]?استقبل(?:ت)?|[وف]?يستقبل|[وف]?تستقبل|رحب\w*)(?!\w)",
    re.I,
)

# Most specific first: a sentence that tells of a signing at a forum is the signing.
EVENT_CUES: dict[str, str] = {
    "signing": r"sign(?:ed|ing)|inked|подписа\w*|подписани\w*|[وف]?وقع(?:ت|ا|وا)?|[وف]?توقيع|[وف]?يوقع",
    "roundtable": r"round\s?table|кругл\w+ стол\w*|طاولة مستديرة",
    "side_event": r"side event",
    "expert_session": r"expert session|экспертн\w+ сесси\w+",
    "summit": r"summits?|forums?|саммит\w*|форум\w*|القمة|قمة|منتدى|المنتدى",
    "training": r"training (?:session|course|workshop|programme|program)|"
    r"capacity[- ]building (?:programme|program|course)|workshop|course for|"
    r"семинар\w*|тренинг\w*|стажировк\w*|курс\w* повышения|обучени\w*|ورشة|(?:ال)?دورة (?:ال)?تدريبية|"
    r"(?:ال)?برنامج (?:ال)?تدريبي",
    "exhibition_visit": r"exhibition|выставк\w+|معرض",
    "field_visit": r"field visits?|toured|осмотрел\w*|ознакоми\w*|جولة",
    "meeting": r"met|meets|meetings?|talks|consultations|received|discuss(?:ed|ions)|conferred|встрет\w*|встреч\w+|"
    r"переговор\w+|консультаци\w+|принял\w*|обсуди\w*|[وف]?التقى|[وف]?التقت|[وفل]?(?:ال)?لقاء\w*|"
    r"[وفب]?(?:ال)?اجتماع\w*|[وف]?استقبل\w*|[وف]?[يت]ستقبل\w*|(?:[وفب]|خلال )?(?:ال)?استقبال\w*|"
    r"[وف]?(?:ال)?مباحثات|[وف]?(?:ال)?محادثات|[وف]?بحث(?:ت|ا)?|[وف]?[يت]لتقي",
    # The protocol around a visit: welcomes at the airport, wreaths, state dinners, press conferences.
    "other": r"airport|wreath|state dinner|banquet|press conference|welcoming ceremony|аэропорт\w*|венок|венки|"
    r"пресс-конференци\w*|торжественн\w+ церемони\w*|[وبل]?(?:ال)?مطار|إكليل|[وب]?(?:ال)?مؤتمر (?:ال)?صحفي|مأدبة",
}
EVENT_PATTERNS = {kind: compile_cue(rf"(?<!\w)(?:{cue})(?!\w)", re.I) for kind, cue in EVENT_CUES.items()}
# A sentence that only mentions an event in passing ("will sign", "agreed to hold talks") holds none.
NOT_HAPPENING = compile_cue(
    r"(?<!\w)(?:will|would|plan(?:s|ned)?\s+to|planning|to\s+be|next|upcoming|agreed\s+to|proposed|invited|"
    r"планиру\w+|будет|будут|предстоящ\w+|намерены|سيتم|سوف|المقبل|المقبلة|"
    # a hope or a possibility: "hopes the agreement can be signed", "могут подписать", "удастся подписать"
    r"could|надежд\w*|надеется|могут|может|удастся|сможет|смогут|"
    r"состоится|состоятся|пройд[её]т|пройдут)(?!\w)",
    re.I,
)


# A sentence that opens on what was said or done before the story ("Ранее президент X заявлял …", "Previously,
# …", "وسبق أن …"): its people and countries are background, not the parties of what the story tells.
BACKGROUND = compile_cue(r"^\s*(?:Ранее|Прежде|Earlier|Previously|In the past|وسبق|سبق|وكان\s+\S+\s+قد)(?!\w)", re.I)
