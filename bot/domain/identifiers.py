"""Finnish identifiers in what advisers type: business ids (Y-tunnus) to keep, personal identity codes to refuse.

Business ids are read leniently and stored in one form, `1234567-8`. Accepted besides that form:
surrounding whitespace; an en dash, em dash, minus sign or Unicode hyphen instead of the hyphen; no
hyphen at all (`12345678`); the VAT-number form (`FI12345678`, any case, one optional space); and
an old six-digit id without its leading zero (`123456-7` becomes `0123456-7`). Refused: anything
else, including seven digits with no separator (`1234567`: an old id without its hyphen or a new
one without its check digit, so we cannot tell), spaces inside the number, and letters.

Personal identity codes (henkilötunnus) are only detected, never parsed or returned: callers must
not store, log or echo the matched text. The detector errs towards refusing.
"""

from __future__ import annotations

import re

_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
# Hyphen-minus, Unicode hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign:
# word processors and phones turn the typed hyphen into any of these.
_DASHES = re.escape("-\u2010\u2011\u2012\u2013\u2014\u2212")  # escaped for use inside [...]
# Either six or seven digits, a dash and the check digit; or eight digits, optionally as a VAT number.
_BUSINESS_ID = re.compile(rf"([0-9]{{6,7}})[{_DASHES}]([0-9])|(?:FI ?)?([0-9]{{7}})([0-9])")

# DDMMYY, century sign, individual number, check character. The date is only checked for range
# (day 01-31, month 01-12), not against the calendar: a mistyped code is still personal data.
# Century signs: + for the 1800s, - and Y X W V U for the 1900s, A-F for the 2000s (all but + - A
# came into use in 2023); a pasted code may have had its hyphen turned into a dash. The check
# character is one the algorithm uses (0-9, letters without G I O Q Z) but is not verified.
# A digit before or a letter or digit after means a longer token: a Y-tunnus, an account or order
# number, an id. A letter before is allowed so that `hetu010190-900X` is still caught.
_PERSONAL_ID = re.compile(
    r"(?<!\d)"
    r"(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}"
    rf"[{_DASHES}+A-FU-Y]"
    r"[0-9]{3}"
    r"[0-9A-FHJ-NPR-Y]"
    r"(?![^\W_])",  # a letter or digit in any script
    re.IGNORECASE,
)


class BusinessIdError(ValueError):
    """Not a valid business id; `reason` (also the message) is "empty", "format" or "check_digit"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def business_id_check_digit(first_seven: str) -> int | None:
    """The check digit for seven digits, or None when no digit can make them valid (remainder 1)."""
    if len(first_seven) != 7 or not first_seven.isascii() or not first_seven.isdigit():
        raise BusinessIdError("format")
    remainder = sum(int(digit) * weight for digit, weight in zip(first_seven, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def parse_business_id(text: str) -> str:
    """The business id in `text` as `1234567-8`; raises BusinessIdError (a ValueError) with the reason."""
    stripped = text.strip()
    if not stripped:
        raise BusinessIdError("empty")
    match = _BUSINESS_ID.fullmatch(stripped.upper())
    if not match:
        raise BusinessIdError("format")
    number, check = (match[1], match[2]) if match[1] is not None else (match[3], match[4])
    number = number.zfill(7)  # old ids are often written without their leading zero
    if business_id_check_digit(number) != int(check):
        raise BusinessIdError("check_digit")
    return f"{number}-{check}"


def is_business_id(text: str) -> bool:
    """True when `parse_business_id` would accept `text`."""
    try:
        parse_business_id(text)
    except BusinessIdError:
        return False
    return True


def find_personal_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of everything shaped like a personal identity code; never store or log what they cover."""
    return [match.span() for match in _PERSONAL_ID.finditer(text)]


def contains_personal_id(text: str) -> bool:
    """True when `text` holds something shaped like a personal identity code; do not store or log the text."""
    return _PERSONAL_ID.search(text) is not None
