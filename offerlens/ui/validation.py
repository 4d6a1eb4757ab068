"""Validation messages for the forms: the domain's human messages, worded in the UI language."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Validation", text)


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(r"^must be between (\S+) and (\S+)(?: \(got (.*)\))?$"),
         _t("must be between %1 and %2")),
        (re.compile(r"^must be at least (\S+)(?: \(got (.*)\))?$"), _t("must be at least %1")),
        (re.compile(r"^must be at most (\S+)(?: \(got (.*)\))?$"), _t("must be at most %1")),
        (re.compile(r"^must be more than (\S+)(?: \(got (.*)\))?$"), _t("must be more than %1")),
        (re.compile(r"^must be a whole number"), _t("must be a whole number")),
        (re.compile(r"^must be a number"), _t("must be a number")),
        (re.compile(r"^must be a finite number"), _t("must be a finite number")),
        (re.compile(r"^must be a date"), _t("must be a date such as 2024-09-01")),
        (re.compile(r"^is required$"), _t("is required")),
        (re.compile(r"^must not be empty$"), _t("must not be empty")),
        (re.compile(r"^must be at most (\d+) characters$"), _t("must be at most %1 characters")),
        (re.compile(r"^contains control characters$"), _t("contains control characters")),
        (re.compile(r"^enter a monthly base"),
         _t("enter a monthly base (月薪) or an annual package (年包)")),
        (re.compile(r"^guaranteed months \((\S+)\) exceed paid months \((\S+)\)$"),
         _t("guaranteed months (%1) exceed paid months (%2)")),
        (re.compile(r"^the high end of the month range is below the low end$"),
         _t("the high end of the month range is below the low end")),
        (re.compile(r"^the high end of the package range is below the low end$"),
         _t("the high end of the package range is below the low end")),
        (re.compile(r"^enter hours per week for a custom schedule$"),
         _t("enter hours per week for a custom schedule")),
        (re.compile(r"^shares must sum to 100 %"), _t("vesting shares must sum to 100 %")),
        (re.compile(r"^vesting schedule has (\d+) years but the grant vests over (\d+)$"),
         _t("the vesting schedule has %1 years but the grant vests over %2")),
        (re.compile(r"^rent and mortgage-interest deductions cannot both be claimed$"),
         _t("rent and mortgage-interest deductions cannot both be claimed")),
    ]


def localise(message: str) -> str:
    """The message in the UI language (English messages pass through unchanged)."""
    for pattern, template in _patterns():
        match = pattern.match(message)
        if match:
            out = template
            for i, group in enumerate(match.groups(), start=1):
                if group is not None:
                    out = out.replace(f"%{i}", group)
            return out
    return message
