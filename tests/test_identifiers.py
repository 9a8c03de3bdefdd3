"""Business ids read leniently and checked; personal identity codes spotted in free text. All values are invented."""

import pytest

from bot.domain.identifiers import (
    BusinessIdError,
    business_id_check_digit,
    contains_personal_id,
    find_personal_ids,
    is_business_id,
    parse_business_id,
)

WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
PERSONAL_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def _reference_check_digit(digits: str) -> int | None:
    """The Y-tunnus rule written out again, so the fixtures below do not rely on the code under test."""
    remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    return None if remainder == 1 else 0 if remainder == 0 else 11 - remainder


# Patterned numbers, check digits computed with the rule (remainders 10, 9, 9, 0, 8, 2).
VALID = ["1234567-1", "7654321-2", "0123456-2", "9876543-0", "0345678-3", "2222222-9"]
# Seven digits whose remainder is 1: no check digit makes them valid.
REMAINDER_ONE = ["2468024", "0999999", "1111111", "3141592"]


def test_the_fixtures_follow_the_rule():
    for business_id in VALID:
        assert _reference_check_digit(business_id[:7]) == int(business_id[-1])
    for digits in REMAINDER_ONE:
        assert _reference_check_digit(digits) is None


@pytest.mark.parametrize("business_id", VALID)
def test_a_valid_business_id_comes_back_as_it_is(business_id):
    assert parse_business_id(business_id) == business_id
    assert is_business_id(business_id)


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("  1234567-1 ", "1234567-1"),
        ("\t7654321-2\n", "7654321-2"),
        ("\u00a01234567-1\u00a0", "1234567-1"),  # a no-break space copied from a web page
        ("1234567\u20131", "1234567-1"),  # en dash
        ("1234567\u20141", "1234567-1"),  # em dash
        ("1234567\u22121", "1234567-1"),  # minus sign
        ("1234567\u20111", "1234567-1"),  # non-breaking hyphen
        ("12345671", "1234567-1"),  # no hyphen
        ("98765430", "9876543-0"),
        ("FI12345671", "1234567-1"),  # the VAT number
        ("fi12345671", "1234567-1"),
        ("FI 76543212", "7654321-2"),
        ("123456-2", "0123456-2"),  # an old id without its leading zero
        ("345678\u20133", "0345678-3"),
    ],
)
def test_lenient_forms_are_normalised(typed, normalised):
    assert parse_business_id(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1234567-2", "check_digit"),  # one off
        ("1234567-0", "check_digit"),
        ("12345672", "check_digit"),
        ("FI12345672", "check_digit"),
        ("123456-7", "check_digit"),  # 0123456-7 is not valid either
        *[(f"{digits}-{check}", "check_digit") for digits in REMAINDER_ONE for check in (0, 1, 9)],
        ("1234567", "format"),  # old id without hyphen or new id without check digit: ambiguous
        ("123456", "format"),
        ("12345-6", "format"),  # too short
        ("12345678-9", "format"),  # too long
        ("123456789", "format"),
        ("1234567-12", "format"),
        ("1234567--1", "format"),
        ("1234567 1", "format"),  # a space is not a hyphen
        ("1234 567-1", "format"),
        ("123456A-1", "format"),  # letters
        ("1234567-A", "format"),
        ("ABCDEFG-H", "format"),
        ("FI1234567-1", "format"),  # the VAT number has no hyphen
        ("SE12345671", "format"),  # another country's VAT number
        ("Y-tunnus 1234567-1", "format"),  # only the id, not a sentence
        ("1234567/1", "format"),
        ("\u0661\u0662\u0663\u0664\u0665\u0666\u0667-\u0661", "format"),  # non-ASCII digits
    ],
)
def test_invalid_business_ids_are_refused_with_a_reason(typed, reason):
    with pytest.raises(BusinessIdError) as caught:
        parse_business_id(typed)
    assert caught.value.reason == reason
    assert str(caught.value) == reason
    assert isinstance(caught.value, ValueError)
    assert not is_business_id(typed)


def test_the_check_digit_helper_agrees_with_the_rule():
    for number in range(0, 10_000_000, 7919):
        digits = f"{number:07d}"
        assert business_id_check_digit(digits) == _reference_check_digit(digits)
    with pytest.raises(BusinessIdError, match="format"):
        business_id_check_digit("123456")


def _personal_id(date_part: str, sign: str, individual: str) -> str:
    """An invented code with a correct check character (individual numbers 900-999 are the temporary range)."""
    return f"{date_part}{sign}{individual}{PERSONAL_CHECK[int(date_part + individual) % 31]}"


MUST_MATCH = [
    _personal_id("010190", "-", "900"),
    *[_personal_id("150384", sign, "912") for sign in "YXWVU"],  # 1900s, the signs added in 2023
    *[_personal_id("010105", sign, "901") for sign in "ABCDEF"],  # 2000s
    _personal_id("311299", "+", "987"),  # 1800s
    _personal_id("290200", "A", "955"),
    _personal_id("010105", "a", "901").lower(),  # typed in lowercase
    "010190-900A",  # a wrong check character is still refused
    "010190-9000",
    "311299-9999",  # 31.12.1999
    "010190\u2013900P",  # the hyphen turned into an en dash
    "Asiakkaan hetu on 150384-9126, soitan huomenna.",
    "hetu:010190-900P",
    "hetu010190-900P",  # glued to the word before it
    "(010190-900P)",
    "010190-900P.",
    "rivi yksi\n010190-900P\nrivi kolme",
    "Y-tunnus 1234567-1 ja yhteyshenkilön 010190-900P",
    "010190-900P-asiakas",
]

MUST_NOT_MATCH = [
    # business ids in every form parse_business_id accepts
    "1234567-1",
    "0123456-2",
    "1234567\u20131",
    "12345671",
    "FI12345671",
    "123456-2",
    # phone numbers
    "040 123 4567",
    "+358 40 1234567",
    "+358401234567",
    "0401234567",
    "040-1234567",
    "040 1234 567",
    "(015) 123 456",
    "015 123456",
    # dates and times
    "16.12.2026",
    "16.12.",
    "2026-12-16",
    "161226",
    "16122026",
    "16.12.2026 klo 14.00",
    "klo 9.00–11.30",
    "14:00-15:30",
    "2026-12-16T12:00:00.000+00:00",
    "ajalla 010126-310126",
    # money
    "1 234,56 €",
    "12 000 €",
    "150000-200000 €",
    "1500,00e",
    "€1,234,567.89",
    # invoices, reference numbers, accounts
    "Lasku 2026-000123",
    "viite 12345 67890 12344",
    "RF18 5390 0754 7034",
    "123456789012",
    "12345678901",
    "FI21 1234 5600 0007 85",
    "tilaus 1234567-1234",
    # postcodes
    "50100 Mikkeli",
    "FI-50100",
    # Teams ids
    "29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
    "19:abc0123456789def@thread.tacv2",
    "8:orgid:8d3c5b1a-1f2e-4c3d-9a8b-0123456789ab",
    "a:1x010190-900Py",
    "f:1234567890123456789",
    # not a date: day 00 or 32, month 00 or 13
    "000190-900P",
    "320190-900P",
    "010090-900P",
    "011390-900P",
    # not a century sign or check character
    "010190Z900P",
    "010190 900P",
    "010190-900G",
    "010190-900Q",
    # part of a longer token
    "1010190-900P",
    "010190-900PX",
    "010190-90000",
    # empty
    "",
]


@pytest.mark.parametrize("text", MUST_MATCH)
def test_text_with_a_personal_id_is_caught(text):
    assert contains_personal_id(text)
    assert len(find_personal_ids(text)) == 1


@pytest.mark.parametrize("text", MUST_NOT_MATCH)
def test_other_numbers_are_not_taken_for_personal_ids(text):
    assert not contains_personal_id(text)
    assert find_personal_ids(text) == []


def test_spans_cover_each_code_so_a_caller_can_blank_it_without_reading_it():
    first, second = _personal_id("010190", "-", "900"), _personal_id("010105", "B", "901")
    text = f"{first} ja {second}"
    spans = find_personal_ids(text)
    assert spans == [(0, 11), (len(first) + 4, len(text))]
    blanked = "".join("*" if any(start <= i < end for start, end in spans) else c for i, c in enumerate(text))
    assert blanked == "*" * 11 + " ja " + "*" * 11


def test_hetu_shaped_order_numbers_are_refused_on_purpose():
    # YYMMDD-NNNN order numbers look exactly like a code; refusing one is cheaper than keeping a real code.
    assert contains_personal_id("tilaus 240115-0012")
    assert contains_personal_id("040123-4567")
