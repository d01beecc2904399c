"""Topics a document is about, from cue words in the three languages."""

from __future__ import annotations

import re

from .base import Found, evidence_for

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
