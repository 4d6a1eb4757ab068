"""Translated display names for the domain's enums and for offer fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def employer_types() -> list[tuple[str, str]]:
    return [
        ("big_tech", _t("Big tech company")),
        ("ai_startup", _t("AI start-up / unicorn")),
        ("startup", _t("Start-up")),
        ("state_owned", _t("State-owned enterprise")),
        ("foreign", _t("Foreign company")),
        ("other", _t("Other")),
    ]


def schedules() -> list[tuple[str, str]]:
    return [
        ("two_day_weekend", _t("Two-day weekend (双休)")),
        ("alternating", _t("Alternating weekends (大小周)")),
        ("one_day_weekend", _t("One-day weekend (单休)")),
        ("custom", _t("Custom hours per week")),
    ]


def offer_kinds() -> list[tuple[str, str]]:
    return [("formal", _t("Formal offer")), ("letter_of_intent", _t("Letter of intent (意向书)"))]


def tiers() -> list[tuple[str, str]]:
    return [
        ("below_standard", _t("Below standard")),
        ("standard", _t("Standard (白菜)")),
        ("sp", _t("SP")),
        ("ssp", _t("SSP")),
        ("talent_program", _t("Talent programme")),
    ]


def bonus_rules() -> list[tuple[str, str]]:
    return [
        ("prorated", _t("Pro-rated")),
        ("full", _t("Paid in full")),
        ("none", _t("Not paid in year 1")),
    ]


def equity_kinds() -> list[tuple[str, str]]:
    return [("rsu", _t("RSU (listed shares)")), ("options", _t("Options (private company)"))]


def degrees() -> list[tuple[str, str]]:
    return [("bachelor", _t("Bachelor's")), ("master", _t("Master's")), ("phd", _t("PhD"))]


def tracks() -> list[tuple[str, str]]:
    return [("campus", _t("Campus hire (校招)")), ("experienced", _t("Experienced hire (社招)"))]


def role_families() -> list[tuple[str, str]]:
    return [
        ("research", _t("Large-model research")),
        ("algorithm", _t("Algorithm")),
        ("software", _t("Software engineering")),
        ("product", _t("Product")),
        ("hardware", _t("Hardware")),
        ("other", _t("Other")),
    ]


def severity(value: str) -> str:
    return {
        "good": _t("Strength"),
        "info": _t("Note"),
        "warning": _t("Warning"),
        "risk": _t("Risk"),
    }.get(value, value)


def label_of(pairs: list[tuple[str, str]], value: str | None) -> str:
    for key, label in pairs:
        if key == value:
            return label
    return value or "—"


def field_labels() -> dict[str, str]:
    """Offer field → label shown in the form (and in messages naming a field)."""
    return {
        "company": _t("Company"),
        "role": _t("Role"),
        "city": _t("City"),
        "employer_type": _t("Employer type"),
        "level": _t("Level"),
        "kind": _t("Offer kind"),
        "deadline": _t("Reply deadline"),
        "start_date": _t("Start date"),
        "monthly_base": _t("Monthly base (月薪)"),
        "months": _t("Paid months"),
        "months_high": _t("Paid months, high end"),
        "guaranteed_months": _t("Guaranteed months"),
        "annual_package": _t("Annual package (年包)"),
        "annual_package_high": _t("Package, high end"),
        "sign_on": _t("Sign-on bonus"),
        "sign_on_clawback_months": _t("Sign-on claw-back (months)"),
        "annual_bonus": _t("Other annual bonus"),
        "annual_bonus_guaranteed": _t("Bonus is guaranteed"),
        "allowances_monthly": _t("Allowances per month"),
        "equity": _t("Equity"),
        "grant_value": _t("Grant value"),
        "years": _t("Vesting years"),
        "schedule_shares": _t("Vesting shares"),
        "cliff_months": _t("Cliff (months)"),
        "equity_kind": _t("Equity kind"),
        "talent_program": _t("Talent programme"),
        "hr_tier": _t("Tier HR named"),
        "non_compete": _t("Non-compete clause"),
        "hukou": _t("Hukou (户口)"),
        "schedule": _t("Work schedule"),
        "hours_per_week": _t("Hours per week"),
        "breach_penalty": _t("Breach penalty (违约金)"),
        "housing_fund_rate": _t("Housing-fund rate"),
        "probation_months": _t("Probation (months)"),
        "probation_rate": _t("Probation pay"),
        "first_year_bonus": _t("First year-end bonus"),
        "notes": _t("Notes"),
    }
