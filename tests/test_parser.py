"""Quick-entry parser: what people type becomes Offer field values, or a ParseError naming
the token and its position."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from offerlens.domain.models import Offer
from offerlens.domain.parser import MAX_TEXT, ParseError, ParseResult, parse_pay

# --- every example from the issue, and the labels and separators it lists ------------------

CASES: list[tuple[str, dict]] = [
    ("30k*16", {"monthly_base": 30_000, "months": 16}),
    ("30K x 16", {"monthly_base": 30_000, "months": 16}),
    ("30k×16", {"monthly_base": 30_000, "months": 16}),
    ("30*16", {"monthly_base": 30_000, "months": 16}),
    ("20*14.6", {"monthly_base": 20_000, "months": 14.6}),
    ("18k*(14-16)", {"monthly_base": 18_000, "months": 14, "months_high": 16}),
    ("17*14-15", {"monthly_base": 17_000, "months": 14, "months_high": 15}),
    ("16.8W～19.2W", {"annual_package": 168_000, "annual_package_high": 192_000}),
    ("30-35w", {"annual_package": 300_000, "annual_package_high": 350_000}),
    ("年包 45万~50万", {"annual_package": 450_000, "annual_package_high": 500_000}),
    ("50w", {"annual_package": 500_000}),
    ("50万", {"annual_package": 500_000}),
    ("24.82w", {"annual_package": 248_200}),
    ("15W6", {"annual_package": 156_000}),
    ("¥450,000", {"annual_package": 450_000}),
    ("￥450,000", {"annual_package": 450_000}),
    ("450000", {"annual_package": 450_000}),
    ("450000元", {"annual_package": 450_000}),
    ("保底19w", {"annual_package": 190_000}),
    ("30k*16 + 签字费10w", {"monthly_base": 30_000, "months": 16, "sign_on": 100_000}),
    ("35k*16 签字费 10w", {"monthly_base": 35_000, "months": 16, "sign_on": 100_000}),
    ("35k*16签字费10w", {"monthly_base": 35_000, "months": 16, "sign_on": 100_000}),
    ("sign-on 100k", {"sign_on": 100_000}),
    ("signing bonus 10w", {"sign_on": 100_000}),
    ("sign on bonus: 5w", {"sign_on": 50_000}),
    ("签约奖5w", {"sign_on": 50_000}),
    ("年终奖5w", {"annual_bonus": 50_000}),
    ("bonus 50000", {"annual_bonus": 50_000}),
    ("股票40w/4年", {"equity": {"grant_value": 400_000, "years": 4}}),
    ("RSU 40w/4年", {"equity": {"grant_value": 400_000, "years": 4}}),
    ("RSU 40w 分4年", {"equity": {"grant_value": 400_000, "years": 4}}),
    ("rsu 80k/2 years", {"equity": {"grant_value": 80_000, "years": 2}}),
    ("期权10w/4年", {"equity": {"grant_value": 100_000, "years": 4, "kind": "options"}}),
    ("房补3k/月", {"allowances_monthly": 3_000}),
    ("租房补贴1500/月", {"allowances_monthly": 1_500}),
    ("房补3.6w/年", {"allowances_monthly": 3_000}),
    ("餐补500/月 房补3k/月", {"allowances_monthly": 3_500}),
    ("补贴12000/年", {"allowances_monthly": 1_000}),
    ("30k 16薪", {"monthly_base": 30_000, "months": 16}),
    ("16薪 30k", {"monthly_base": 30_000, "months": 16}),
    ("30k 14-16个月", {"monthly_base": 30_000, "months": 14, "months_high": 16}),
    ("月薪30k*16", {"monthly_base": 30_000, "months": 16}),
    ("base 30k x 16", {"monthly_base": 30_000, "months": 16}),
    ("16*30k", {"monthly_base": 30_000, "months": 16}),
    ("2w*16", {"monthly_base": 20_000, "months": 16}),
    ("30000*16", {"monthly_base": 30_000, "months": 16}),
    ("保底14薪 30k*16", {"guaranteed_months": 14, "monthly_base": 30_000, "months": 16}),
    ("公积金12%", {"housing_fund_rate": 0.12}),
    # full-width characters and every separator
    ("３０ｋ＊１６＋签字费１０ｗ", {"monthly_base": 30_000, "months": 16, "sign_on": 100_000}),
    (
        "30k＊16，签字费10w；年终奖5w, 房补3k/月;股票40w/4年",
        {
            "monthly_base": 30_000,
            "months": 16,
            "sign_on": 100_000,
            "annual_bonus": 50_000,
            "allowances_monthly": 3_000,
            "equity": {"grant_value": 400_000, "years": 4},
        },
    ),
    (
        "30K*16 ＋ 股票 40W / 4 年",
        {"monthly_base": 30_000, "months": 16, "equity": {"grant_value": 400_000, "years": 4}},
    ),
    ("\u300030k*16\u3000", {"monthly_base": 30_000, "months": 16}),
]


@pytest.mark.parametrize(("text", "fields"), CASES)
def test_reads_what_people_type(text: str, fields: dict) -> None:
    assert parse_pay(text).fields == fields


def test_result_says_what_was_read_in_english_and_chinese() -> None:
    result = parse_pay("30k*16 + 签字费10w")
    assert result.understood == [
        "monthly base 30,000 × 16 months",
        "sign-on bonus 100,000 (one-off, first year only)",
    ]
    assert result.understood_zh == ["月薪 30,000 × 16 薪", "签字费 100,000（一次性，仅第一年）"]
    assert result.ambiguities == [] and result.ambiguities_zh == []


def test_ranges_say_they_are_evaluated_at_the_low_end() -> None:
    months = parse_pay("18k*(14-16)").understood[0]
    assert "evaluated at 14" in months and "16" in months
    package = parse_pay("16.8W～19.2W").understood[0]
    assert "evaluated at 168,000" in package and "192,000" in package


def test_guaranteed_package_is_marked_as_the_floor() -> None:
    result = parse_pay("保底19w")
    assert result.guaranteed_package is True
    assert "guaranteed floor" in result.understood[0]
    assert parse_pay("19w").guaranteed_package is False


def test_money_rounds_half_up_to_whole_yuan() -> None:
    # 12,344.5 rounds up (banker's rounding would give 12,344)
    assert parse_pay("12.3445k*16").fields["monthly_base"] == 12_345
    assert parse_pay("房补18006/年").fields["allowances_monthly"] == 1_501  # 1,500.5
    assert parse_pay("房补1w/年").fields["allowances_monthly"] == 833  # 833.33


def test_equity_without_years_assumes_four_and_says_so() -> None:
    result = parse_pay("股票40w")
    assert result.fields["equity"] == {"grant_value": 400_000, "years": 4}
    assert any("assumed 4 years" in line for line in result.ambiguities)
    per_year = parse_pay("期权10w/年")
    assert per_year.fields["equity"] == {"grant_value": 400_000, "years": 4, "kind": "options"}
    assert per_year.ambiguities


# --- ambiguity ---------------------------------------------------------------------------

AMBIGUOUS: list[tuple[str, dict, str]] = [
    ("23", {"monthly_base": 23_000}, "230,000"),  # could be 23w a year
    ("13*20", {"monthly_base": 13_000, "months": 20}, "20,000 a month × 13 months"),
    ("14.5*16", {"monthly_base": 14_500, "months": 16}, "16,000 a month × 14.5 months"),
    ("35000", {"monthly_base": 35_000}, "annual package of 35,000"),
    ("5w", {"monthly_base": 50_000}, "annual package of 50,000"),
    ("120000", {"annual_package": 120_000}, "monthly base of 120,000"),
]


@pytest.mark.parametrize(("text", "fields", "alternative"), AMBIGUOUS)
def test_ambiguous_input_gets_the_plausible_reading_and_names_the_other(
    text: str, fields: dict, alternative: str
) -> None:
    result = parse_pay(text)
    assert result.fields == fields
    assert len(result.ambiguities) == 1
    assert alternative in result.ambiguities[0]
    assert text in result.ambiguities[0]
    assert len(result.ambiguities_zh) == 1 and text in result.ambiguities_zh[0]


@pytest.mark.parametrize(
    "text",
    [
        "30k*16",
        "30*16",
        "20*14.6",
        "16*30",
        "50w",
        "450000",
        "23 16薪",
        "30k",
        "2w",
        "16.8W～19.2W",
    ],
)
def test_unambiguous_input_has_no_ambiguity_note(text: str) -> None:
    assert parse_pay(text).ambiguities == []


def test_months_written_first_are_swapped_when_only_that_reading_fits() -> None:
    result = parse_pay("16*30")  # 30 months is impossible, so 30k × 16
    assert result.fields == {"monthly_base": 30_000, "months": 16}
    assert "months written first" in result.understood[0]


def test_bare_number_too_big_for_monthly_k_is_read_as_wan() -> None:
    result = parse_pay("500")  # 500k a month is implausible; 500万 a year is not
    assert result.fields == {"annual_package": 5_000_000}


# --- errors name the token and its position ------------------------------------------------

ERRORS: list[tuple[str, str, int]] = [
    ("30k*16 + 花呗", "花呗", 9),
    ("30k*16 + 签字费10w + 花呗", "花呗", 18),
    ("1e400", "1e400", 0),
    ("10^15", "10^15", 0),
    ("1000000000000000", "1000000000000000", 0),
    ("30k*16 + 1e400w", "1e400w", 9),
    ("9999999999w", "9999999999w", 0),
    ("30k*30", "30", 4),
    ("30*30", "30", 3),
    ("30k*abc", "abc", 4),
    ("30k x", "x", 4),
    ("1*16", "1", 0),
    ("0k*16", "0k", 0),
    ("1.5", "1.5", 0),
    ("签字费", "签字费", 0),
    ("签字费 abc", "abc", 4),
    ("签字费5", "5", 3),
    ("年终奖3个月", "年终奖3个月", 0),
    ("30k*16 30k*16", "30k", 7),
    ("30k*16 16薪", "16薪", 7),
    ("30k-35k", "30k-35k", 0),
    ("16.8w-15w", "15w", 6),
    ("18k*(16-14)", "14", 8),
    ("股票40w/20年", "20", 6),
    ("公积金20%", "20%", 3),
    ("30k*16, 保底17薪", "保底17薪", 8),
    ("房补3k/天", "房补3k/天", 0),
    ("٣٠k*16", "٣٠k*16", 0),  # Arabic-Indic digits are not read as numbers
    ("   ", "   ", 0),
]


@pytest.mark.parametrize(("text", "token", "position"), ERRORS)
def test_error_names_token_and_position(text: str, token: str, position: int) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pay(text)
    err = caught.value
    assert (err.token, err.position) == (token, position)
    assert f"'{token}' at position {position}" in str(err)
    assert token in err.message_zh


def test_overlong_text_is_refused_with_a_position() -> None:
    with pytest.raises(ParseError) as caught:
        parse_pay("30k*16 " + "+" * MAX_TEXT)
    assert caught.value.position == MAX_TEXT


def test_parse_error_is_a_value_error() -> None:
    assert issubclass(ParseError, ValueError)


# --- the Offer model uses the parser ------------------------------------------------------


def test_offer_fills_fields_from_the_quick_entry_string() -> None:
    offer = Offer(company="X", pay="35k*16 + 签字费10w")
    assert (offer.monthly_base, offer.months, offer.sign_on) == (35_000, 16, 100_000)
    assert offer.pay == "35k*16 + 签字费10w"


def test_offer_builds_from_every_field_the_parser_fills() -> None:
    offer = Offer(
        company="X",
        pay="30k*(14-16) 期权10w/4年 房补3k/月 保底14薪 年终奖2w 公积金7%",
    )
    assert offer.months == 14 and offer.months_high == 16
    assert offer.equity is not None and offer.equity.kind == "options"
    assert offer.equity.grant_value == 100_000
    assert (offer.allowances_monthly, offer.guaranteed_months) == (3_000, 14)
    assert (offer.annual_bonus, offer.housing_fund_rate) == (20_000, 0.07)
    ranged = Offer(company="X", pay="16.8W～19.2W")
    assert (ranged.annual_package, ranged.annual_package_high) == (168_000, 192_000)


def test_explicit_offer_fields_win_over_the_quick_entry_string() -> None:
    offer = Offer(company="X", pay="35k*16", months=15)
    assert (offer.monthly_base, offer.months) == (35_000, 15)


def test_offer_error_names_the_token_it_could_not_read() -> None:
    with pytest.raises(ValidationError) as caught:
        Offer(company="X", pay="35k*16 + 签字费10w + 花呗")
    message = str(caught.value)
    assert "'花呗' at position 18" in message
    assert "not understood" in message


# --- properties -----------------------------------------------------------------------------


def _check_error(text: str, err: ParseError) -> None:
    assert 0 <= err.position <= len(text)
    assert text[err.position :].startswith(err.token)
    assert err.token or not text.strip()


@given(st.text(max_size=60))
def test_arbitrary_text_raises_nothing_but_parse_error(text: str) -> None:
    try:
        result = parse_pay(text)
    except ParseError as err:
        _check_error(text, err)
    else:
        assert isinstance(result, ParseResult)
        assert len(result.understood) == len(result.understood_zh)


PIECES = [
    "30k",
    "*",
    "×",
    "x",
    "16",
    "14.6",
    "(",
    ")",
    "14-16",
    "-",
    "~",
    "～",
    "+",
    "＋",
    ",",
    "，",
    ";",
    " ",
    "　",
    "签字费",
    "sign-on",
    "10w",
    "100k",
    "w",
    "万",
    "k",
    "K",
    "¥",
    "450,000",
    "保底",
    "股票",
    "期权",
    "RSU",
    "/4年",
    "/年",
    "/月",
    "房补",
    "餐补",
    "3k",
    "年终奖",
    "5w",
    "薪",
    "个月",
    "13",
    "20",
    "23",
    "0",
    ".",
    "1e400",
    "99999999999999",
    "15W6",
    "公积金",
    "12%",
    "%",
    "年包",
    "月薪",
    "٣",
    "１６",
    "/",
    "到",
    "\u0000",
    "😀",
]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join))
def test_shorthand_fragments_parse_or_raise_parse_error_and_build_an_offer(text: str) -> None:
    try:
        result = parse_pay(text)
    except ParseError as err:
        _check_error(text, err)
        return
    for key in ("monthly_base", "annual_package", "sign_on", "annual_bonus", "allowances_monthly"):
        value = result.fields.get(key)
        assert value is None or (isinstance(value, int) and value > 0)
    # whatever the parser accepts, the Offer model either takes or refuses with a message
    try:
        Offer(company="X", pay=text)
    except ValidationError:
        pass


_MONTHS = st.one_of(
    st.integers(12, 24).map(Decimal),
    st.integers(120, 240).map(lambda tenths: Decimal(tenths) / 10),
)


@given(
    base=st.one_of(
        st.integers(1, 999).map(Decimal), st.integers(10, 9999).map(lambda t: Decimal(t) / 10)
    ),
    months=_MONTHS,
    form=st.sampled_from(["{b}k*{m}", "{b}K x {m}", "{b}k×{m}", "{b}k＊{m}", "{b}k * {m}薪"]),
)
def test_base_times_months_round_trips(base: Decimal, months: Decimal, form: str) -> None:
    text = form.format(b=f"{base.normalize():f}", m=f"{months.normalize():f}")
    result = parse_pay(text)
    assert result.fields == {
        "monthly_base": int((base * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)),
        "months": float(months) if months % 1 else int(months),
    }
    assert result.ambiguities == []


@given(base=st.integers(2, 150), months=st.integers(12, 24))
def test_bare_base_times_months_puts_the_base_first_when_plausible(base: int, months: int) -> None:
    result = parse_pay(f"{base}*{months}")
    assert result.fields == {"monthly_base": base * 1000, "months": months}
    both_fit = 12 <= base <= 24
    assert bool(result.ambiguities) == both_fit


@given(hundredths=st.integers(1000, 99999))
def test_wan_amounts_are_exact_yuan(hundredths: int) -> None:
    wan = Decimal(hundredths) / 100
    assert parse_pay(f"{wan:f}w").fields == {"annual_package": hundredths * 100}


# --- a year-end bonus in months (年终奖3个月) adds to the paid months -------------------------

BONUS_MONTHS = [
    ("35k*13 + 年终奖3个月", {"monthly_base": 35_000, "months": 16, "guaranteed_months": 13}),
    ("35k + 年终奖3个月", {"monthly_base": 35_000, "months": 15, "guaranteed_months": 12}),
    ("年终3个月, 30k*13", {"monthly_base": 30_000, "months": 16, "guaranteed_months": 13}),
    ("35k*13 + 年终奖2-4个月",
     {"monthly_base": 35_000, "months": 15, "months_high": 17, "guaranteed_months": 13}),
    ("30k*(13-14) + 年终奖3个月",
     {"monthly_base": 30_000, "months": 16, "months_high": 17, "guaranteed_months": 13}),
    ("35k*13 + 保底12薪 + 年终奖3个月",
     {"monthly_base": 35_000, "months": 16, "guaranteed_months": 12}),
]


@pytest.mark.parametrize(("text", "fields"), BONUS_MONTHS)
def test_a_year_end_bonus_in_months_adds_performance_months(text: str, fields: dict) -> None:
    result = parse_pay(text)
    assert result.fields == fields
    assert any("year-end bonus" in line for line in result.understood)
    assert any("年终奖" in line for line in result.understood_zh)


def test_a_year_end_bonus_in_months_is_paid_as_performance_pay() -> None:
    from datetime import date

    from offerlens.domain.evaluate import evaluate
    from offerlens.domain.models import Candidate, Offer

    offer = Offer(company="A", pay="35k*13 + 年终奖3个月")
    ev = evaluate(offer, Candidate(), today=date(2024, 9, 1))
    assert ev.steady_state.guaranteed_cash == 35_000 * 13
    assert ev.steady_state.performance == 35_000 * 3


@pytest.mark.parametrize(("text", "token", "message"), [
    ("年包50w + 年终奖3个月", "年终奖3个月", "needs a monthly base"),
    ("35k*22 + 年终奖3个月", "年终奖3个月", "between 12 and 24"),
    ("35k*13 + 年终奖3个月 + 年终奖2个月", "年终奖2个月", "given twice"),
    ("35k*13 + 年终奖0个月", "0", "between 0 and 12"),
    ("35k*13 + 年终奖4-2个月", "2", "below the low end"),
])
def test_a_year_end_bonus_in_months_that_cannot_be_read(text: str, token: str, message: str):
    with pytest.raises(ParseError) as caught:
        parse_pay(text)
    assert caught.value.token == token and message in caught.value.reason


@pytest.mark.parametrize(("text", "fields"), [
    ("35k*16 + 10w签字费", {"monthly_base": 35_000, "months": 16, "sign_on": 100_000}),
    ("10w 签字费, 35k*16", {"sign_on": 100_000, "monthly_base": 35_000, "months": 16}),
    ("35k*16 + 5w 年终奖", {"monthly_base": 35_000, "months": 16, "annual_bonus": 50_000}),
    ("35k*16 + 10w sign-on", {"monthly_base": 35_000, "months": 16, "sign_on": 100_000}),
])
def test_an_amount_may_come_before_its_word(text: str, fields: dict) -> None:
    assert parse_pay(text).fields == fields
    assert parse_pay(text).fields == parse_pay(_word_first(text)).fields


def _word_first(text: str) -> str:
    """The same offer with the word before the amount (签字费10w), as the parser always read."""
    for amount, word in (("10w签字费", "签字费10w"), ("10w 签字费", "签字费10w"),
                         ("5w 年终奖", "年终奖5w"), ("10w sign-on", "sign-on 10w")):
        text = text.replace(amount, word)
    return text


@pytest.mark.parametrize(("text", "token"), [
    ("35k*16 + 10签字费", "10"),  # a sum needs a unit, whichever comes first
    ("35k*16 + 10w签字费abc", "签字费abc"),
    ("35k*16 + 10w签字费 + 签字费5w", "签字费5w"),
])
def test_an_amount_before_its_word_is_checked_the_same(text: str, token: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pay(text)
    assert caught.value.token == token
