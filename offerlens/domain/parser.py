"""Quick-entry parser for offer shorthand such as ``35k*16 + 签字费10w``.

``parse_pay(text)`` reads what people type into a dict of :class:`Offer` field values, a
list of human lines saying what was read, and notes on readings that were ambiguous.
Anything it does not understand raises :class:`ParseError` naming the token and its
0-based position in the original string.

Money comes out as integer yuan (half up). Conventions (see the offer-conventions guide):
``k``/``千`` = 1,000, ``w``/``万`` = 10,000, ``15W6`` = 15.6万; a bare number below 1,000 is
k per month, 1,000–99,999 is monthly yuan, 100,000 and above an annual package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from offerlens.domain.models import MAX_MONEY, MAX_MONTHLY

MAX_TEXT = 200  # the Offer.pay field holds at most this many characters
MIN_MONTHS, MAX_MONTHS = 12, 24
MIN_YEARS, MAX_YEARS = 1, 10
DEFAULT_EQUITY_YEARS = 4
# Sane bounds used only to choose between readings of a number without a unit.
MONTHLY_PLAUSIBLE = (2_000, 150_000)  # about the minimum wage up to top talent programmes
ANNUAL_PLAUSIBLE = (30_000, 20_000_000)
ANNUAL_FROM = 100_000  # a lone figure at or above this is an annual package
HOUSING_FUND_PCT = (5, 12)
MAX_INT_DIGITS = 12
MAX_FRAC_DIGITS = 6


class ParseError(ValueError):
    """A quick-entry string could not be read; names the token and its position."""

    def __init__(self, message: str, token: str, position: int, message_zh: str = "") -> None:
        super().__init__(f"{message}: '{token}' at position {position}")
        self.token = token
        self.position = position
        self.reason = message
        self.reason_zh = message_zh or message

    @property
    def message_zh(self) -> str:
        """The error in Chinese: reason, token and position (position counted from 0)."""
        return f"{self.reason_zh}：“{self.token}”（第 {self.position} 个字符处）"


@dataclass
class ParseResult:
    """What a quick-entry string said, as Offer field values."""

    fields: dict[str, Any]
    understood: list[str] = field(default_factory=list)  # human lines: "monthly base 35,000 × 16"
    ambiguities: list[str] = field(default_factory=list)  # "13*20 read as 13k × 20; could be …"
    understood_zh: list[str] = field(default_factory=list)  # the same lines in Chinese
    ambiguities_zh: list[str] = field(default_factory=list)
    guaranteed_package: bool = False  # annual_package is a 保底 (guaranteed floor) figure


def parse_pay(text: str) -> ParseResult:
    """Read a quick-entry pay string; raise ParseError naming the first token not understood."""
    if not isinstance(text, str):
        raise ParseError("expected text", type(text).__name__, 0, "需要文本")
    return _Reader(text).read()


# --- normalisation -------------------------------------------------------------------------
# One character in, one character out, so that positions stay those of the original string.

_CHAR_MAP = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}  # full-width ASCII → ASCII
_CHAR_MAP.update(
    {
        0x3000: " ",  # ideographic space
        0xFFE5: "¥",  # full-width yen sign
        0x00D7: "*",  # ×
        0x2715: "*",  # ✕
        0x2716: "*",  # ✖
        0x2A2F: "*",  # ⨯
        0x2010: "-",
        0x2011: "-",
        0x2012: "-",
        0x2013: "-",
        0x2014: "-",
        0x2015: "-",
        0x2212: "-",
        0x301C: "~",  # 〜
        0x223C: "~",  # ∼
        0x3001: ",",  # 、
        0xFE62: "+",  # ﹢
    }
)


def _normalise(text: str) -> str:
    out = text.translate(_CHAR_MAP)
    assert len(out) == len(text)  # every mapping is one character to one character
    return out


# --- patterns ------------------------------------------------------------------------------

_FLAGS = re.IGNORECASE
_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_MNUM = r"[0-9]+(?:\.[0-9]+)?"  # month counts and years: no thousands separators
_RSEP = r"(?:-|~|到|至|to(?![a-z]))"
_MONTHS_WORD = r"(?:薪|个月|months?(?![a-z]))"


def _amount(p: str) -> str:
    """An amount with optional currency and unit; group names prefixed with ``p``."""
    return (
        rf"(?P<{p}cur>(?:¥|rmb|cny)\s*)?(?P<{p}num>{_NUM})"
        rf"(?:\s*(?:(?P<{p}w>w|万)(?P<{p}dec>[0-9]{{1,2}})"
        rf"(?![0-9.]|\s*(?:年|个|薪|月|k|w|万|元))"
        rf"|(?P<{p}unit>k|千|w|万|元|块|rmb|cny|yuan)(?![a-z])))?"
    )


_SEP_RE = re.compile(r"[\s+,;]+")
_MONTHS_ONLY_RE = re.compile(
    rf"(?P<lo>{_MNUM})(?:\s*{_RSEP}\s*(?P<hi>{_MNUM}))?\s*{_MONTHS_WORD}", _FLAGS
)
_TIMES_RE = re.compile(
    rf"{_amount('a')}\s*[*x]\s*"
    rf"(?:\(\s*(?P<lo>{_MNUM})\s*{_RSEP}\s*(?P<hi>{_MNUM})\s*\)"
    rf"|(?P<lo2>{_MNUM})\s*{_RSEP}\s*(?P<hi2>{_MNUM})(?![0-9.]|\s*(?:k|w|万|千|元))"
    rf"|{_amount('b')})"
    rf"(?:\s*{_MONTHS_WORD})?",
    _FLAGS,
)
_RANGE_RE = re.compile(rf"{_amount('a')}\s*{_RSEP}\s*{_amount('b')}", _FLAGS)
_AMOUNT_RE = re.compile(_amount("a"), _FLAGS)
_TIMES_HEAD_RE = re.compile(rf"{_amount('a')}\s*(?:\*|x(?=\s|[0-9(]|$))\s*", _FLAGS)

_LABEL_RE = re.compile(
    r"(?:"
    r"(?P<sign_on>sign[\s-]*on(?:\s*bonus)?|signing(?:\s*bonus)?|签字费|签约费|签约奖金?"
    r"|签字奖金?|入职奖金?)"
    r"|(?P<bonus>年终奖金?|年终|annual\s*bonus|bonus|奖金)"
    r"|(?P<options>期权|options?)"
    r"|(?P<rsu>股票|rsus?|stocks?|equity)"
    r"|(?P<allowance>租房补贴|住房补贴|房租补贴|交通补贴|通讯补贴|餐饮补贴|房补|餐补|饭补|房贴"
    r"|餐贴|车补|话补|补贴|补助|(?:housing\s*|meal\s*|rent\s*)?allowance)"
    r"|(?P<guaranteed>保底)"
    r"|(?P<package>年包|总包|年薪|package|total(?:\s*comp(?:ensation)?)?|tc)"
    r"|(?P<base>月薪|月base|月工资|底薪|基本工资|base(?:\s*salary)?)"
    r"|(?P<fund>公积金)"
    r")(?![a-z])\s*[:=]?\s*",
    _FLAGS,
)
_YEARS_TAIL_RE = re.compile(
    rf"\s*(?:/|分|over)\s*(?P<years>{_MNUM})\s*(?:年|years?|yrs?|y)(?![a-z])"
    r"(?:\s*(?:归属|vesting|vest)(?![a-z]))?",
    _FLAGS,
)
_PER_MONTH_RE = re.compile(
    r"\s*(?:/\s*(?:月|months?|mo|m)(?![a-z])|每月|每个月|一个月|per\s*month|a\s*month|monthly)",
    _FLAGS,
)
_PER_YEAR_RE = re.compile(
    r"\s*(?:/\s*(?:年|years?|yr|y)(?![a-z])|每年|一年|per\s*year|a\s*year|yearly|annually)",
    _FLAGS,
)
_BONUS_MONTHS_RE = re.compile(
    rf"(?P<lo>{_MNUM})\s*(?:{_RSEP}\s*(?P<hi>{_MNUM})\s*)?{_MONTHS_WORD}", _FLAGS
)
_PERCENT_RE = re.compile(rf"(?P<pct>{_MNUM})\s*%?", _FLAGS)

_SCALE = {"k": 1_000, "千": 1_000, "w": 10_000, "万": 10_000}


@dataclass
class _Amount:
    """A number as typed: its value, unit (k, w, yuan or None) and where it sits."""

    value: Decimal  # the number as written, before the unit is applied
    unit: str | None  # "k", "w", "yuan" or None when the number stands bare
    start: int
    end: int
    thousands: bool  # written with thousands separators (450,000)

    @property
    def bare(self) -> bool:
        return self.unit is None and not self.thousands


def _glued(char: str) -> bool:
    """ASCII punctuation that may not follow an item directly (separators excepted)."""
    return char.isascii() and not char.isalnum() and not char.isspace() and char not in "+,;"


def _fmt(value: int | Decimal) -> str:
    return f"{int(value):,}"


def _fmt_months(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _months_field(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _yuan(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class _Reader:
    """Scans the normalised string item by item and collects field values."""

    def __init__(self, text: str) -> None:
        self.raw = text
        self.s = _normalise(text)
        self.fields: dict[str, Any] = {}
        self.understood: list[tuple[str, str]] = []
        self.ambiguities: list[tuple[str, str]] = []
        self.monthly_guess: tuple[str, str] | None = None  # ambiguity of a lone monthly figure
        self.guaranteed_package = False
        self.where: dict[str, tuple[int, int]] = {}  # field → span of the text that set it
        # a year-end bonus in months (年终奖3个月): (low, high, start, end), added to the paid
        # months when the scan is done
        self.bonus_months: tuple[Decimal, Decimal | None, int, int] | None = None

    # -- helpers ---------------------------------------------------------------------------

    def token_at(self, pos: int) -> str:
        """The run of text from ``pos`` to the next separator, as the user typed it."""
        m = _SEP_RE.search(self.s, pos)
        end = m.start() if m else len(self.s)
        end = max(min(end, pos + 24), min(pos + 1, len(self.s)))
        return self.raw[pos:end]

    def error(self, en: str, zh: str, start: int, end: int | None = None) -> ParseError:
        if end is None and start >= len(self.s.rstrip()):  # nothing left: name the last word
            words = list(re.finditer(r"[^\s+,;]+", self.s))
            if words:
                start, end = words[-1].start(), words[-1].end()
        token = self.raw[start:end] if end is not None else self.token_at(start)
        return ParseError(en, token, start, zh)

    def say(self, en: str, zh: str) -> None:
        self.understood.append((en, zh))

    def ambiguous(self, en: str, zh: str) -> None:
        self.ambiguities.append((en, zh))

    def match(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        """Match at ``pos``; refuse a match that stops in the middle of a word or number."""
        m = pattern.match(self.s, pos)
        if m is None or m.end() == pos:
            return None
        end = m.end()
        if end < len(self.s):
            last, nxt = self.s[end - 1], self.s[end]
            if (
                last.isascii()
                and last.isalnum()
                and nxt.isascii()
                and (nxt.isalnum() or nxt == ".")
            ):
                return None
        return m

    def set(self, name: str, value: Any, start: int, end: int) -> None:
        if name in self.fields:
            what = {
                "monthly_base": ("monthly base", "月薪"),
                "months": ("paid months", "薪数"),
                "annual_package": ("annual package", "年包"),
                "sign_on": ("sign-on bonus", "签字费"),
                "annual_bonus": ("annual bonus", "年终奖"),
                "equity": ("equity grant", "股票/期权"),
                "guaranteed_months": ("guaranteed months", "保底薪数"),
                "housing_fund_rate": ("housing-fund rate", "公积金比例"),
            }.get(name, (name, name))
            raise self.error(f"{what[0]} given twice", f"{what[1]}重复填写", start, end)
        self.fields[name] = value
        self.where[name] = (start, end)

    def amount(self, m: re.Match[str], p: str) -> _Amount:
        """Turn the amount groups of a match into an :class:`_Amount`; check its size."""
        start, end = m.start(f"{p}num"), m.end(f"{p}num")
        num = m.group(f"{p}num")
        digits = num.replace(",", "")
        whole, _, frac = digits.partition(".")
        if len(whole.lstrip("0")) > MAX_INT_DIGITS:
            raise self.error("number too large", "数字过大", start, end)
        if len(frac) > MAX_FRAC_DIGITS:
            raise self.error("too many decimal places", "小数位过多", start, end)
        value = Decimal(digits)
        unit: str | None = None
        if m.group(f"{p}w"):
            if frac:
                raise self.error(
                    "write either 15.6w or 15w6, not both",
                    "请写 15.6w 或 15w6",
                    m.start(p + "num"),
                    m.end(p + "dec"),
                )
            dec = m.group(f"{p}dec")
            value += Decimal(dec) / (10 ** len(dec))
            unit, end = "w", m.end(f"{p}dec")
        elif m.group(f"{p}unit"):
            word = m.group(f"{p}unit").lower()
            unit = "k" if word in ("k", "千") else "w" if word in ("w", "万") else "yuan"
            end = m.end(f"{p}unit")
        if m.group(f"{p}cur") and unit is None:
            unit = "yuan"
        if m.group(f"{p}cur"):
            start = m.start(f"{p}cur")
        return _Amount(value, unit, start, end, thousands="," in num)

    def scaled(self, amt: _Amount, bare: str) -> Decimal:
        """Yuan for an amount; ``bare`` ("k", "w" or "yuan") is the unit when none is given."""
        unit = amt.unit or bare
        with localcontext() as ctx:
            ctx.prec = 60
            return amt.value * _SCALE.get(unit, 1)

    def money(self, amt: _Amount, bare: str, limit: int = MAX_MONEY) -> int:
        value = self.scaled(amt, bare)
        if value > limit:
            raise self.error(
                f"amount too large (over {_fmt(limit)} yuan)",
                f"金额过大（超过 {_fmt(limit)} 元）",
                amt.start,
                amt.end,
            )
        yuan = _yuan(value)
        if yuan <= 0:
            raise self.error("amount is zero", "金额为零", amt.start, amt.end)
        return yuan

    def months_value(self, text: str, start: int) -> Decimal:
        value = Decimal(text)
        if not MIN_MONTHS <= value <= MAX_MONTHS:
            raise self.error(
                f"paid months must be between {MIN_MONTHS} and {MAX_MONTHS}",
                f"薪数须在 {MIN_MONTHS} 到 {MAX_MONTHS} 之间",
                start,
                start + len(text),
            )
        return value

    def set_months(
        self, lo: Decimal, hi: Decimal | None, hi_start: int, start: int, end: int
    ) -> None:
        if hi is not None and hi < lo:
            raise self.error(
                "the high end of the month range is below the low end",
                "薪数区间的上限低于下限",
                hi_start,
                hi_start + len(_fmt_months(hi)),
            )
        self.set("months", _months_field(lo), start, end)
        if hi is not None and hi != lo:
            self.set("months_high", _months_field(hi), start, end)

    def need_unit(self, amt: _Amount, what: str, what_zh: str) -> None:
        """Labelled sums other than allowances need a unit when the number is below 1,000."""
        if amt.unit is None and amt.value < 1000:
            raise self.error(
                f"{what} needs a unit: write e.g. {amt.value.normalize():f}w or "
                f"{amt.value.normalize():f}k",
                f"{what_zh}请写单位，如 {amt.value.normalize():f}w 或 {amt.value.normalize():f}k",
                amt.start,
                amt.end,
            )

    # -- the scan --------------------------------------------------------------------------

    def read(self) -> ParseResult:
        if not self.s.strip():
            raise ParseError("nothing to read", self.raw, 0, "没有可读取的内容")
        if len(self.s) > MAX_TEXT:
            raise ParseError(
                f"too long (at most {MAX_TEXT} characters)",
                self.raw[MAX_TEXT : MAX_TEXT + 12],
                MAX_TEXT,
                f"过长（最多 {MAX_TEXT} 个字符）",
            )
        pos = 0
        items = (
            self.labelled,
            self.months_only,
            self.times,
            self.package_range,
            self.amount_then_label,
            self.plain,
        )
        while True:
            sep = _SEP_RE.match(self.s, pos)
            if sep:
                pos = sep.end()
            if pos >= len(self.s):
                break
            for item in items:
                end = item(pos)
                if end is not None:
                    break
            else:
                raise self.error("not understood", "无法识别", pos)
            if end < len(self.s) and _glued(self.s[end]):
                raise self.error("not understood", "无法识别", pos)  # e.g. 10^15, 30k/月
            pos = end
        self.finish()
        return ParseResult(
            fields=self.fields,
            understood=[en for en, _ in self.understood],
            ambiguities=[en for en, _ in self.ambiguities],
            understood_zh=[zh for _, zh in self.understood],
            ambiguities_zh=[zh for _, zh in self.ambiguities],
            guaranteed_package=self.guaranteed_package,
        )

    def finish(self) -> None:
        if self.bonus_months is not None:
            self.add_bonus_months()
        elif "monthly_base" in self.fields and "months" not in self.fields:
            self.say("paid months not given", "未写薪数")
            if self.monthly_guess is not None:  # a months token would settle it as monthly
                self.ambiguous(*self.monthly_guess)
        guaranteed, months = self.fields.get("guaranteed_months"), self.fields.get("months")
        if guaranteed is not None and months is not None and guaranteed > months:
            raise self.error(
                f"guaranteed months ({guaranteed:g}) exceed paid months ({months:g})",
                f"保底薪数（{guaranteed:g}）超过总薪数（{months:g}）",
                *self.where["guaranteed_months"],
            )

    # -- items -----------------------------------------------------------------------------

    def months_only(self, pos: int) -> int | None:
        """``16薪``, ``16个月``, ``14-16薪``."""
        m = self.match(_MONTHS_ONLY_RE, pos)
        if m is None:
            return None
        lo = self.months_value(m.group("lo"), m.start("lo"))
        hi = self.months_value(m.group("hi"), m.start("hi")) if m.group("hi") else None
        self.set_months(lo, hi, m.start("hi") if hi is not None else 0, m.start(), m.end())
        if hi is not None and hi != lo:
            self.say(
                f"{_fmt_months(lo)}–{_fmt_months(hi)} paid months (evaluated at {_fmt_months(lo)})",
                f"{_fmt_months(lo)}–{_fmt_months(hi)} 薪（按 {_fmt_months(lo)} 薪计算）",
            )
        else:
            self.say(f"{_fmt_months(lo)} paid months", f"{_fmt_months(lo)} 薪")
        return m.end()

    def times(self, pos: int, base_first: bool = False) -> int | None:
        """Monthly base × months: ``30k*16``, ``30*16``, ``18k*(14-16)``, ``13*20``."""
        m = self.match(_TIMES_RE, pos)
        if m is None:
            head = self.match(_TIMES_HEAD_RE, pos)
            if head is not None:
                raise self.error(
                    "expected paid months (12–24) after the multiplication sign",
                    "乘号后应为薪数（12–24）",
                    head.end(),
                )
            return None
        a = self.amount(m, "a")
        lo_text = m.group("lo") or m.group("lo2")
        if lo_text is not None:
            lo_start = m.start("lo") if m.group("lo") else m.start("lo2")
            hi_group = "hi" if m.group("hi") else "hi2"
            base = self.base_value(a)
            if base is None:
                raise self.implausible_base(a)
            lo = self.months_value(lo_text, lo_start)
            hi = self.months_value(m.group(hi_group), m.start(hi_group))
            self.set("monthly_base", base, a.start, a.end)
            self.set_months(lo, hi, m.start(hi_group), m.start(), m.end())
            self.say(
                f"monthly base {_fmt(base)} × {_fmt_months(lo)}–{_fmt_months(hi)} months "
                f"(evaluated at {_fmt_months(lo)}; {_fmt_months(hi)} shown as the high end)",
                f"月薪 {_fmt(base)} × {_fmt_months(lo)}–{_fmt_months(hi)} 薪（按 "
                f"{_fmt_months(lo)} 薪计算，{_fmt_months(hi)} 薪为上限）",
            )
            return m.end()

        b = self.amount(m, "b")
        as_written = self.reading(a, b)
        swapped = None if base_first else self.reading(b, a)
        if as_written is None and swapped is None:
            raise self.no_reading(a, b, base_first)
        if as_written is not None:
            base, months = as_written
            if swapped is not None and not (
                a.value == a.value.to_integral_value() and b.value != b.value.to_integral_value()
            ):
                alt_base, alt_months = swapped
                text = self.raw[m.start() : m.end()]
                self.ambiguous(
                    f"'{text}' read as {_fmt(base)} a month × {_fmt_months(months)} months "
                    f"(people usually write base × months); it could also be {_fmt(alt_base)} "
                    f"a month × {_fmt_months(alt_months)} months",
                    f"“{text}”按月薪 {_fmt(base)} × {_fmt_months(months)} 薪理解（通常写作"
                    f"月薪×薪数）；也可能是月薪 {_fmt(alt_base)} × {_fmt_months(alt_months)} 薪",
                )
            base_amt, months_amt = a, b
        else:
            assert swapped is not None
            base, months = swapped
            base_amt, months_amt = b, a
        self.set("monthly_base", base, base_amt.start, base_amt.end)
        self.set("months", _months_field(months), months_amt.start, months_amt.end)
        note = " (months written first)" if base_amt is b else ""
        note_zh = "（薪数写在前）" if base_amt is b else ""
        self.say(
            f"monthly base {_fmt(base)} × {_fmt_months(months)} months{note}",
            f"月薪 {_fmt(base)} × {_fmt_months(months)} 薪{note_zh}",
        )
        return m.end()

    def base_value(self, amt: _Amount) -> int | None:
        """Monthly base in yuan, or None when the figure is implausible as one.

        A figure with a unit is taken as written; a bare one is k below 1,000 and yuan above,
        and must fall within sane monthly bounds.
        """
        value = self.scaled(amt, "k" if amt.value < 1000 else "yuan")
        if amt.unit is not None or amt.thousands:
            return _yuan(value) if 0 < value <= MAX_MONTHLY and _yuan(value) > 0 else None
        low, high = MONTHLY_PLAUSIBLE
        return _yuan(value) if low <= value <= high else None

    def reading(self, base: _Amount, months: _Amount) -> tuple[int, Decimal] | None:
        """The reading ``base`` × ``months``, if both parts are plausible."""
        if not months.bare or not MIN_MONTHS <= months.value <= MAX_MONTHS:
            return None
        value = self.base_value(base)
        return None if value is None else (value, months.value)

    def implausible_base(self, amt: _Amount) -> ParseError:
        value = self.scaled(amt, "k" if amt.value < 1000 else "yuan")
        if amt.unit is not None or amt.thousands:
            if value <= 0 or _yuan(value) <= 0:
                return self.error("amount is zero", "金额为零", amt.start, amt.end)
            return self.error(
                f"monthly base too large (over {_fmt(MAX_MONTHLY)} yuan)",
                f"月薪过大（超过 {_fmt(MAX_MONTHLY)} 元）",
                amt.start,
                amt.end,
            )
        low, high = MONTHLY_PLAUSIBLE
        return self.error(
            f"a monthly base of {_fmt(_yuan(value))} is implausible (expected "
            f"{_fmt(low)}–{_fmt(high)}); add a unit (k, w or 元) to say exactly what you mean",
            f"月薪 {_fmt(_yuan(value))} 不合常理（应在 {_fmt(low)}–{_fmt(high)} 之间）；"
            "请加单位（k、w 或 元）",
            amt.start,
            amt.end,
        )

    def no_reading(self, a: _Amount, b: _Amount, base_first: bool) -> ParseError:
        a_months = a.bare and MIN_MONTHS <= a.value <= MAX_MONTHS and not base_first
        b_months = b.bare and MIN_MONTHS <= b.value <= MAX_MONTHS
        if b_months:
            return self.implausible_base(a)
        if a_months:
            return self.implausible_base(b)
        if not b.bare and not a.bare:
            return self.error(
                "two amounts multiplied: write monthly base × months, e.g. 30k*16",
                "两个金额相乘：请写 月薪×薪数，如 30k*16",
                b.start,
                b.end,
            )
        return self.error(
            f"paid months must be between {MIN_MONTHS} and {MAX_MONTHS}",
            f"薪数须在 {MIN_MONTHS} 到 {MAX_MONTHS} 之间",
            b.start,
            b.end,
        )

    def package_range(self, pos: int, guaranteed: bool = False) -> int | None:
        """``16.8W～19.2W``, ``30-35w``: an annual package range, evaluated at the low end."""
        m = self.match(_RANGE_RE, pos)
        if m is None:
            return None
        a, b = self.amount(m, "a"), self.amount(m, "b")
        unit = a.unit or b.unit
        if unit is None:
            raise self.error(
                "a range needs a unit: write e.g. 30w-35w",
                "区间请写单位，如 30w-35w",
                m.start(),
                m.end(),
            )
        low = self.money(a, unit)
        high = self.money(b, unit)
        if high < low:
            raise self.error(
                "the high end of the range is below the low end",
                "区间上限低于下限",
                b.start,
                b.end,
            )
        if low < ANNUAL_FROM:
            raise self.error(
                "a range of monthly pay cannot be stored: enter one monthly figure, or a "
                "package range such as 30w-35w",
                "无法保存月薪区间：请填一个月薪数字，或写年包区间如 30w-35w",
                m.start(),
                m.end(),
            )
        self.set_package(low, high, m.start(), m.end(), guaranteed)
        return m.end()

    def set_package(
        self, low: int, high: int | None, start: int, end: int, guaranteed: bool
    ) -> None:
        self.set("annual_package", low, start, end)
        if high is not None and high != low:
            self.fields["annual_package_high"] = high
        if guaranteed:
            self.guaranteed_package = True
        en = f"annual package {_fmt(low)}"
        zh = f"年包 {_fmt(low)}"
        if high is not None and high != low:
            en = (
                f"annual package {_fmt(low)}–{_fmt(high)} (evaluated at {_fmt(low)}; "
                f"{_fmt(high)} shown as the high end)"
            )
            zh = f"年包 {_fmt(low)}–{_fmt(high)}（按 {_fmt(low)} 计算，{_fmt(high)} 为上限）"
        if guaranteed:
            en = f"guaranteed (保底) {en}: the guaranteed floor, not the expected total"
            zh = f"保底{zh}：这是保底下限，不是预期总额"
        self.say(en, zh)

    def plain(self, pos: int) -> int | None:
        """A lone figure: ``50w``, ``30k``, ``¥450,000``, ``23``."""
        m = self.match(_AMOUNT_RE, pos)
        if m is None:
            return None
        amt = self.amount(m, "a")
        text = self.raw[amt.start : amt.end]
        if amt.unit is None and not amt.thousands and amt.value < 1000:
            return self.bare_small(amt, text)
        unit = amt.unit or "yuan"
        value = self.money(amt, unit)
        low_m, high_m = MONTHLY_PLAUSIBLE
        low_a = ANNUAL_PLAUSIBLE[0]
        if value >= ANNUAL_FROM:
            self.set_package(value, None, amt.start, amt.end, guaranteed=False)
            if unit != "w" and value <= high_m:
                self.ambiguous(
                    f"'{text}' read as an annual package of {_fmt(value)}; it could also be a "
                    f"monthly base of {_fmt(value)}",
                    f"“{text}”按年包 {_fmt(value)} 理解；也可能是月薪 {_fmt(value)}",
                )
            return amt.end
        if value > MAX_MONTHLY:
            raise self.implausible_base(amt)
        self.set("monthly_base", value, amt.start, amt.end)
        self.say(
            f"monthly base {_fmt(value)}",
            f"月薪 {_fmt(value)}",
        )
        if unit != "k" and value >= max(low_a, low_m):  # 30k is monthly by convention
            self.monthly_guess = (
                f"'{text}' read as a monthly base of {_fmt(value)}; it could also be an annual "
                f"package of {_fmt(value)}",
                f"“{text}”按月薪 {_fmt(value)} 理解；也可能是年包 {_fmt(value)}",
            )
        return amt.end

    def bare_small(self, amt: _Amount, text: str) -> int:
        """A bare number below 1,000: k per month when plausible, else 万 a year."""
        as_k = self.scaled(amt, "k")
        as_w = self.scaled(amt, "w")
        low_m, high_m = MONTHLY_PLAUSIBLE
        low_a, high_a = ANNUAL_PLAUSIBLE
        monthly_ok = low_m <= as_k <= high_m
        annual_ok = low_a <= as_w <= high_a
        if monthly_ok:
            value = _yuan(as_k)
            self.set("monthly_base", value, amt.start, amt.end)
            self.say(
                f"monthly base {_fmt(value)} ({text} read as k)",
                f"月薪 {_fmt(value)}（{text} 按 k 理解）",
            )
            if annual_ok:
                self.monthly_guess = (
                    f"'{text}' read as a monthly base of {_fmt(value)} ({text}k); it could also "
                    f"mean an annual package of {_fmt(_yuan(as_w))} ({text}w). Add k or w to be "
                    "explicit",
                    f"“{text}”按月薪 {_fmt(value)}（{text}k）理解；也可能指年包 "
                    f"{_fmt(_yuan(as_w))}（{text}w）。请加 k 或 w 写明",
                )
            return amt.end
        if annual_ok:
            value = _yuan(as_w)
            self.set_package(value, None, amt.start, amt.end, guaranteed=False)
            self.say(
                f"({text} read as 万: {text}k a month would be implausible)",
                f"（{text} 按万理解：月薪 {text}k 不合常理）",
            )
            return amt.end
        raise self.error(
            "too small to be pay: add a unit (k, w or 元)",
            "数值太小，不像薪资：请加单位（k、w 或 元）",
            amt.start,
            amt.end,
        )

    def labelled(self, pos: int) -> int | None:
        """An item that starts with a word: 签字费, 年终奖, 股票, 房补, 保底, 年包, 月薪, 公积金."""
        m = self.match(_LABEL_RE, pos)
        if m is None:
            return None
        kind = m.lastgroup
        label = m.group(kind).strip() if kind else ""
        at = m.end()
        if kind == "base":
            end = self.times(at, base_first=True)
            if end is not None:
                return end
            return self.labelled_base(m, label)
        if kind in ("guaranteed", "package"):
            return self.labelled_package(m, label, guaranteed=kind == "guaranteed")
        if kind == "fund":
            return self.housing_fund(m, label)
        if kind == "bonus":
            bm = self.match(_BONUS_MONTHS_RE, at)
            if bm is not None:
                return self.bonus_in_months(bm, m.start())
        am = self.match(_AMOUNT_RE, at)
        if am is None:
            raise self.expected_amount(m, label)
        amt = self.amount(am, "a")
        end = amt.end
        if kind == "allowance":
            return self.allowance(amt, label, m.start(), end)
        if kind in ("sign_on", "bonus"):
            if kind == "bonus":
                per_year = self.match(_PER_YEAR_RE, end)
                end = per_year.end() if per_year else end
            return self.one_sum(kind, amt, label, m.start(), end)
        return self.equity(amt, label, kind == "options", m.start(), end)

    def one_sum(self, kind: str, amt: _Amount, label: str, start: int, end: int) -> int:
        """A sign-on bonus or an annual bonus of ``amt`` (the text from ``start`` to ``end``)."""
        self.need_unit(amt, label, label)
        value = self.money(amt, amt.unit or "yuan")
        if kind == "sign_on":
            self.set("sign_on", value, start, end)
            self.say(
                f"sign-on bonus {_fmt(value)} (one-off, first year only)",
                f"签字费 {_fmt(value)}（一次性，仅第一年）",
            )
        else:
            self.set("annual_bonus", value, start, end)
            self.say(f"annual bonus {_fmt(value)}", f"年终奖 {_fmt(value)}")
        return end

    def amount_then_label(self, pos: int) -> int | None:
        """``10w签字费``, ``5w 年终奖``: the amount first, then the word, ending the item."""
        am = self.match(_AMOUNT_RE, pos)
        if am is None:
            return None
        at = am.end()
        while at < len(self.s) and self.s[at] == " ":
            at += 1
        lm = _LABEL_RE.match(self.s, at)
        kind = lm.lastgroup if lm else None
        if lm is None or kind not in ("sign_on", "bonus"):
            return None
        end = lm.end(kind)
        if end < len(self.s) and not _SEP_RE.match(self.s, end):
            return None  # more follows the word (签字费 5w, 年终奖3个月): not this form
        return self.one_sum(kind, self.amount(am, "a"), lm.group(kind).strip(), pos, end)

    def bonus_in_months(self, bm: re.Match[str], start: int) -> int:
        """``年终奖3个月``, ``年终2-4个月``: months of base pay on top of the paid months."""
        if self.bonus_months is not None:
            raise self.error("year-end bonus given twice", "年终奖重复填写", start, bm.end())
        lo = Decimal(bm.group("lo"))
        hi = Decimal(bm.group("hi")) if bm.group("hi") else None
        for value, group in ((lo, "lo"), (hi, "hi")):
            if value is not None and not 0 < value <= MAX_MONTHS - MIN_MONTHS:
                raise self.error(
                    f"a year-end bonus in months must be between 0 and "
                    f"{MAX_MONTHS - MIN_MONTHS} months",
                    f"以月数计的年终奖须在 0 到 {MAX_MONTHS - MIN_MONTHS} 个月之间",
                    bm.start(group),
                    bm.end(group),
                )
        if hi is not None and hi < lo:
            raise self.error(
                "the high end of the month range is below the low end",
                "薪数区间的上限低于下限",
                bm.start("hi"),
                bm.end("hi"),
            )
        self.bonus_months = (lo, None if hi == lo else hi, start, bm.end())
        return bm.end()

    def add_bonus_months(self) -> None:
        """Add a year-end bonus in months to the paid months: ``30k*13 + 年终奖3个月`` is 16
        paid months, of which the 13 stay guaranteed and the 3 depend on performance."""
        if self.bonus_months is None:
            return
        lo, hi, start, end = self.bonus_months
        if "monthly_base" not in self.fields:
            raise self.error(
                "a year-end bonus in months needs a monthly base: write e.g. 30k*13 + 年终奖3个月",
                "以月数计的年终奖需要月薪，如 30k*13 + 年终奖3个月",
                start,
                end,
            )
        months = Decimal(str(self.fields.get("months", MIN_MONTHS)))
        high = self.fields.get("months_high")
        total_lo = months + lo
        top = Decimal(str(high)) if high is not None else months
        total_hi = top + (hi if hi is not None else lo)
        if total_hi > MAX_MONTHS:
            raise self.error(
                f"paid months must be between {MIN_MONTHS} and {MAX_MONTHS}",
                f"薪数须在 {MIN_MONTHS} 到 {MAX_MONTHS} 之间",
                start,
                end,
            )
        self.fields["months"] = _months_field(total_lo)
        self.where.setdefault("months", (start, end))
        if total_hi != total_lo:
            self.fields["months_high"] = _months_field(total_hi)
        if "guaranteed_months" not in self.fields:
            self.fields["guaranteed_months"] = _months_field(months)
            self.where["guaranteed_months"] = (start, end)
        bonus = _fmt_months(lo) + (f"–{_fmt_months(hi)}" if hi is not None else "")
        self.say(
            f"year-end bonus {bonus} months on top of {_fmt_months(months)}: "
            f"{_fmt_months(total_lo)} paid months, {_fmt_months(months)} guaranteed",
            f"年终奖 {bonus} 个月，加在 {_fmt_months(months)} 薪之上："
            f"共 {_fmt_months(total_lo)} 薪，保底 {_fmt_months(months)} 薪",
        )

    def expected_amount(self, m: re.Match[str], label: str) -> ParseError:
        if m.end() < len(self.s):
            return self.error(
                f"expected an amount after '{label}'", f"“{label}”后应为金额", m.end()
            )
        kind = m.lastgroup or 0
        return self.error(
            f"expected an amount after '{label}'",
            f"“{label}”后应为金额",
            m.start(kind),
            m.end(kind),
        )

    def labelled_base(self, m: re.Match[str], label: str) -> int:
        am = self.match(_AMOUNT_RE, m.end())
        if am is None:
            raise self.expected_amount(m, label)
        amt = self.amount(am, "a")
        value = self.base_value(amt)
        if value is None:
            raise self.implausible_base(amt)
        self.set("monthly_base", value, m.start(), amt.end)
        self.say(
            f"monthly base {_fmt(value)}",
            f"月薪 {_fmt(value)}",
        )
        return amt.end

    def labelled_package(self, m: re.Match[str], label: str, guaranteed: bool) -> int:
        at = m.end()
        if guaranteed:
            mm = self.match(_MONTHS_ONLY_RE, at)
            if mm is not None:
                if mm.group("hi"):
                    raise self.error(
                        "guaranteed months must be one number",
                        "保底薪数须为单个数字",
                        mm.start(),
                        mm.end(),
                    )
                value = self.months_value(mm.group("lo"), mm.start("lo"))
                self.set("guaranteed_months", _months_field(value), m.start(), mm.end())
                self.say(
                    f"{_fmt_months(value)} months guaranteed (保底)",
                    f"保底 {_fmt_months(value)} 薪",
                )
                return mm.end()
        end = self.package_range(at, guaranteed=guaranteed)
        if end is not None:
            return end
        am = self.match(_AMOUNT_RE, at)
        if am is None:
            raise self.expected_amount(m, label)
        amt = self.amount(am, "a")
        self.need_unit(amt, label, label)
        value = self.money(amt, amt.unit or "yuan")
        self.set_package(value, None, m.start(), amt.end, guaranteed)
        return amt.end

    def housing_fund(self, m: re.Match[str], label: str) -> int:
        pm = self.match(_PERCENT_RE, m.end())
        if pm is None:
            raise self.error(
                f"expected a percentage after '{label}'", f"“{label}”后应为百分比", m.end()
            )
        pct = Decimal(pm.group("pct"))
        low, high = HOUSING_FUND_PCT
        if not low <= pct <= high:
            raise self.error(
                f"housing-fund rate must be {low}–{high} %",
                f"公积金比例须在 {low}%–{high}% 之间",
                pm.start(),
                pm.end(),
            )
        rate = float(pct / 100)
        self.set("housing_fund_rate", rate, m.start(), pm.end())
        self.say(
            f"housing fund {_fmt_months(pct)} % (paid into the employee's own account)",
            f"公积金 {_fmt_months(pct)}%（存入个人公积金账户）",
        )
        return pm.end()

    def allowance(self, amt: _Amount, label: str, start: int, end: int) -> int:
        value = self.scaled(amt, "yuan")
        if value > MAX_MONEY:
            self.money(amt, "yuan")  # raises: too large
        per_month = self.match(_PER_MONTH_RE, end)
        per_year = None if per_month else self.match(_PER_YEAR_RE, end)
        if per_year is not None:
            monthly = _yuan(value / 12)
            end = per_year.end()
            en = f"allowance {label} {_fmt(_yuan(value))} a year → {_fmt(monthly)} a month"
            zh = f"{label} 每年 {_fmt(_yuan(value))} → 每月 {_fmt(monthly)}"
        else:
            monthly = _yuan(value)
            if per_month is not None:
                end = per_month.end()
                en, zh = (
                    f"allowance {label} {_fmt(monthly)} a month",
                    f"{label} 每月 {_fmt(monthly)}",
                )
            else:
                en = f"allowance {label} {_fmt(monthly)} a month (no period given; read as monthly)"
                zh = f"{label} 每月 {_fmt(monthly)}（未写周期，按每月理解）"
        if monthly <= 0:
            raise self.error("amount is zero", "金额为零", amt.start, amt.end)
        total = self.fields.get("allowances_monthly", 0) + monthly
        if total > MAX_MONTHLY:
            raise self.error(
                f"allowances too large (over {_fmt(MAX_MONTHLY)} a month)",
                f"补贴过大（每月超过 {_fmt(MAX_MONTHLY)}）",
                amt.start,
                amt.end,
            )
        self.fields["allowances_monthly"] = total
        self.say(en, zh)
        return end

    def equity(self, amt: _Amount, label: str, options: bool, start: int, end: int) -> int:
        self.need_unit(amt, label, label)
        value = self.money(amt, amt.unit or "yuan")
        kind_en = "options" if options else "RSU"
        kind_zh = "期权" if options else "股票"
        years_m = self.match(_YEARS_TAIL_RE, end)
        per_year = None if years_m else self.match(_PER_YEAR_RE, end)
        if years_m is not None:
            years_d = Decimal(years_m.group("years"))
            if years_d != years_d.to_integral_value() or not MIN_YEARS <= years_d <= MAX_YEARS:
                raise self.error(
                    f"vesting years must be a whole number from {MIN_YEARS} to {MAX_YEARS}",
                    f"归属年数须为 {MIN_YEARS} 到 {MAX_YEARS} 的整数",
                    years_m.start("years"),
                    years_m.end("years"),
                )
            years = int(years_d)
            grant = value
            end = years_m.end()
            self.say(
                f"equity ({kind_en}) {_fmt(grant)} vesting over {years} years",
                f"{kind_zh} {_fmt(grant)}，分 {years} 年归属",
            )
        elif per_year is not None:
            years = DEFAULT_EQUITY_YEARS
            grant = value * years
            if grant > MAX_MONEY:
                self.money(amt, "yuan", limit=MAX_MONEY // years)  # raises: too large
            end = per_year.end()
            text = self.raw[start:end]
            self.say(
                f"equity ({kind_en}) {_fmt(value)} a year × {years} years = {_fmt(grant)}",
                f"{kind_zh} 每年 {_fmt(value)} × {years} 年 = {_fmt(grant)}",
            )
            self.ambiguous(
                f"'{text}' gives equity per year without the vesting period; assumed "
                f"{years} years (write e.g. 股票40w/4年 to be exact)",
                f"“{text}”只写了每年股票，未写归属年数；按 {years} 年假设（可写成 股票40w/4年）",
            )
        else:
            years = DEFAULT_EQUITY_YEARS
            grant = value
            text = self.raw[start:end]
            self.say(
                f"equity ({kind_en}) {_fmt(grant)} vesting over {years} years (assumed)",
                f"{kind_zh} {_fmt(grant)}，按 {years} 年归属（假设）",
            )
            self.ambiguous(
                f"'{text}' has no vesting period; assumed {years} years (write e.g. "
                f"{text}/4年 to be exact)",
                f"“{text}”未写归属年数；按 {years} 年假设（可写成 {text}/4年）",
            )
        equity: dict[str, Any] = {"grant_value": grant, "years": years}
        if options:
            equity["kind"] = "options"
        self.set("equity", equity, start, end)
        return end
