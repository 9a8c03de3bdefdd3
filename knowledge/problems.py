"""What the knowledge-base check reports, and reading a TOML file so that its errors become such reports."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# tomllib (before Python 3.14) puts the position only into the message text.
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


@dataclass(frozen=True)
class Problem:
    """One finding of the check, naming the file and the field."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


def _syntax_problem(file: str, text: str, error: tomllib.TOMLDecodeError) -> Problem:
    reason = str(error)
    position = _POSITION.search(reason)
    if position is None:
        return Problem(file, "", f"not valid TOML: {reason}")
    line, column = int(position.group(1)), int(position.group(2))
    reason = reason[: position.start()]
    if reason.startswith("Cannot overwrite a value"):
        reason += " (is this key written twice?)"
    lines = text.splitlines()
    quoted = f": {lines[line - 1].strip()}" if line <= len(lines) else ""
    return Problem(file, "", f"not valid TOML at line {line}, column {column}: {reason}{quoted}")


def read_toml(path: Path, file: str) -> dict[str, Any] | Problem:
    """The parsed file, or the problem that stopped it being read (`file` is how the problem names it)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Problem(file, "", f"cannot be read: {error.strerror or error}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(file, "", f"not UTF-8 text at line {line}; save it as UTF-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _syntax_problem(file, text, error)
