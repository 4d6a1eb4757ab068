"""The engine's enums in words, English and Chinese, and choosing one of the two.

Shared by the rule messages (evaluate), the decision summary, the charts' data, the CLI and
the app's table, so that a tier or a degree reads the same everywhere.
"""

from __future__ import annotations

from offerlens.domain.models import Degree, RoleFamily, Tier, Track, WorkSchedule
from offerlens.domain.results import Severity

TIER_LABELS = {
    Tier.BELOW_STANDARD: ("below standard", "低于白菜"),
    Tier.STANDARD: ("standard (白菜)", "白菜"),
    Tier.SP: ("SP", "SP"),
    Tier.SSP: ("SSP", "SSP"),
    Tier.TALENT_PROGRAM: ("talent programme", "人才计划"),
}
SCHEDULE_LABELS = {
    WorkSchedule.TWO_DAY_WEEKEND: ("Two-day weekend (双休)", "双休"),
    WorkSchedule.ALTERNATING: ("Alternating weekends (大小周)", "大小周"),
    WorkSchedule.ONE_DAY_WEEKEND: ("One-day weekend (单休)", "单休"),
    WorkSchedule.CUSTOM: ("Custom schedule", "自定义工时"),
}
DEGREE_LABELS = {
    Degree.BACHELOR: ("bachelor's", "本科"),
    Degree.MASTER: ("master's", "硕士"),
    Degree.PHD: ("PhD", "博士"),
}
TRACK_LABELS = {Track.CAMPUS: ("campus", "校招"), Track.EXPERIENCED: ("experienced", "社招")}
ROLE_LABELS = {
    RoleFamily.RESEARCH: ("research", "大模型研究"),
    RoleFamily.ALGORITHM: ("algorithm", "算法"),
    RoleFamily.SOFTWARE: ("software", "软件开发"),
    RoleFamily.PRODUCT: ("product", "产品"),
    RoleFamily.HARDWARE: ("hardware", "硬件"),
    RoleFamily.OTHER: ("other", "其他"),
}


SEVERITY_LABELS = {
    Severity.GOOD: ("strength", "优势"),
    Severity.INFO: ("note", "说明"),
    Severity.WARNING: ("warning", "警告"),
    Severity.RISK: ("risk", "风险"),
}


def lang_of(lang: str) -> str:
    """"zh" for any Chinese code ("zh", "zh_CN"), else "en"."""
    return "zh" if str(lang).lower().startswith("zh") else "en"


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Chinese of an (English, Chinese) pair for a Chinese ``lang``, else the English."""
    return pair[1] if lang_of(lang) == "zh" else pair[0]
