"""Topics a document is about, from cue words in the three languages."""

from __future__ import annotations

import re

from .base import Found, evidence_for

# slug -> ((name in English, Russian, Arabic), cue): a topic proposed from any article is named in the
# reviewer's language and created with all three names, as staff would type them in the admin.
TOPIC_CUES: dict[str, tuple[tuple[str, str, str], str]] = {
    "artificial-intelligence": (
        ("Artificial intelligence", "Искусственный интеллект", "الذكاء الاصطناعي"),
        r"artificial intelligence|\bAI\b|искусственн\w+ интеллект\w*|الذكاء الاصطناعي",
    ),
    "digital-transformation": (
        ("Digital transformation", "Цифровая трансформация", "التحول الرقمي"),
        r"digital transformation|digitali[sz]ation|цифров\w+ (?:трансформаци|развити)\w*|цифровизаци\w*|التحول الرقمي",
    ),
    "e-government": (
        (
            "E-government and digital services",
            "Электронное правительство и цифровые услуги",
            "الحكومة الإلكترونية والخدمات الرقمية",
        ),
        r"e-government|digital (?:government )?services|электронн\w+ правительств\w*|государственн\w+ услуг"
        r"|الخدمات الحكومية الرقمية|الحكومة الرقمية",
    ),
    "cybersecurity": (
        ("Cybersecurity", "Кибербезопасность", "الأمن السيبراني"),
        r"cyber\s?security|кибербезопасност\w*|الأمن السيبراني",
    ),
    "digital-health": (
        ("Digital health", "Цифровое здравоохранение", "الصحة الرقمية"),
        r"digital health|цифровизаци\w+ здравоохранени\w*|الصحة الرقمية",
    ),
    "capacity-building": (
        ("Capacity building", "Развитие потенциала", "بناء القدرات"),
        r"capacity[- ]building|national capacities|развити\w+ потенциал\w*|بناء القدرات",
    ),
    "leadership": (
        ("Leadership", "Лидерство", "القيادة"),
        r"leadership|лидерств\w*|القيادة",
    ),
    "strategic-planning": (
        ("Strategic planning", "Стратегическое планирование", "التخطيط الاستراتيجي"),
        r"strategic planning|стратегическ\w+ планировани\w*|التخطيط الاستراتيجي",
    ),
    "project-management": (
        ("Project management", "Управление проектами", "إدارة المشاريع"),
        r"project management|управлени\w+ проект\w*|إدارة المشاريع",
    ),
    "policy-development": (
        ("Policy development", "Разработка политики", "تطوير السياسات"),
        r"policy development|разработк\w+ политик\w*|تطوير السياسات",
    ),
    "innovation": (
        ("Government innovation", "Государственные инновации", "الابتكار الحكومي"),
        r"innovation|инноваци\w*|الابتكار",
    ),
    "accelerators": (
        ("Government accelerators", "Государственные акселераторы", "المسرعات الحكومية"),
        r"accelerat\w+|акселерат\w+|المسرعات|مسرعات",
    ),
    "experience-exchange": (
        ("Experience exchange", "Обмен опытом", "تبادل الخبرات"),
        r"experience exchange|exchange (?:of )?experience|обмен\w* опытом|تبادل الخبرات",
    ),
    "trade-investment": (
        ("Trade and investment", "Торговля и инвестиции", "التجارة والاستثمار"),
        r"investment|free trade|инвестиц\w+|торговл\w+|الاستثمار",
    ),
}


def extract_topics(text: str) -> list[Found]:
    found: list[Found] = []
    for slug, ((name, name_ru, name_ar), cue) in TOPIC_CUES.items():
        matches = list(re.finditer(cue, text, re.IGNORECASE))
        if not matches:
            continue
        first = matches[0]
        confidence = min(0.95, 0.5 + 0.15 * len(matches))
        item = Found(
            "topic",
            {"slug": slug, "name": name, "name_ru": name_ru, "name_ar": name_ar, "mentions": len(matches)},
            evidence_for(text, first.start(), first.end()),
            confidence,
        )
        item.extra_evidence = [evidence_for(text, m.start(), m.end()) for m in matches[1:4]]
        found.append(item)
    return found
