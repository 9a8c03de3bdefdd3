"""The database interface the stores talk to: SQL in, rows out, transactions, nothing backend-specific.

Stores write portable SQL with `?` placeholders and read rows by column name or position. A second
backend (PostgreSQL, for several instances behind a load balancer) implements this protocol in one
module and translates the few dialect differences (placeholders, `INSERT … RETURNING id`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

Params = Sequence[Any] | Mapping[str, Any]


class Row(Protocol):
    """A result row: `row["column"]`, `row[0]`, unpacking and `dict(zip(row.keys(), row))`."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...

    def keys(self) -> list[str]: ...


class Database(Protocol):
    """What every store needs from the database, and no more."""

    dialect: str

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; returns how many rows it changed."""
        ...

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT into a table with an integer `id` key; returns the new row's id."""
        ...

    def one(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a query, or None."""
        ...

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row of a query."""
        ...

    def value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """A block that commits as a whole or not at all; blocks may nest."""
        ...

    def ok(self) -> bool:
        """True when the database answers a trivial query (the health check)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def as_dict(row: Row) -> dict[str, Any]:
    """A row as a plain dict of column name to value."""
    return dict(zip(row.keys(), row, strict=True))
