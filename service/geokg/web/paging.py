"""Pages of the lists a response shows: which page a request asks for, and where it is.

Why pages: a hub (a head of state, a state) takes part in tens of thousands of events and
is named by most articles; an event every outlet reports has thousands of evidence
sentences. Listing all of them made one page take 30 s. Every list is cut into pages in
the store (OFFSET/LIMIT); `?page=N` (from 1) asks for one of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from flask import request
from werkzeug.exceptions import BadRequest

PARAMETER = "page"
#: The type a page of a paged resource has (W3C Linked Data Platform Paging).
LDP_PAGE = "http://www.w3.org/ns/ldp#Page"
#: Highest page number accepted; beyond it no list can reach (10^9 items per page ≥ 1).
MAX_PAGE = 10**9


@dataclass(frozen=True)
class Page:
    """Page `number` (from 1) of a list of `total` items, `size` items per page."""

    number: int
    size: int
    total: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def last(self) -> int:
        """The last page that holds items (1 for an empty list: its one, empty page)."""
        return max(1, -(-self.total // self.size))

    @property
    def exists(self) -> bool:
        return self.number <= self.last

    @property
    def has_next(self) -> bool:
        return self.number < self.last

    @property
    def paged(self) -> bool:
        """Whether the list needs more than one page."""
        return self.last > 1

    @property
    def first_item(self) -> int:
        """1-based position of the page's first item (0 when it has none)."""
        return min(self.offset + 1, self.total) if self.exists else 0

    @property
    def last_item(self) -> int:
        return min(self.offset + self.size, self.total) if self.exists else 0


def requested_page() -> int:
    """The `?page=` of this request (1 without one); anything but a whole number from 1 to
    MAX_PAGE is a 400 naming the parameter."""
    raw = request.args.get(PARAMETER)
    if raw is None:
        return 1
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise BadRequest(f"'{PARAMETER}' must be a whole number from 1 to {MAX_PAGE}, "
                         f"not {raw[:40]!r}")
    return int(raw)


def page_query(number: int) -> str:
    """The query string of a page's URL (`?page=2`)."""
    return f"?{PARAMETER}={number}"


Month = TypeVar("Month")


def months_of_page(counts: Sequence[tuple[Month, int]], offset: int,
                   limit: int) -> tuple[list[Month], int, int]:
    """The months (newest first, with how many items each holds) that items `offset` to
    `offset + limit` of a newest-first list fall in, how many of the first chosen month's
    items come before the page, and how many items the chosen months hold: a page read
    month by month costs what its months hold, not the whole list."""
    chosen: list[Month] = []
    skip, covered = offset, 0
    for month, count in counts:
        if not chosen and skip >= count:
            skip -= count
            continue
        chosen.append(month)
        covered += count
        if covered >= skip + limit:
            break
    return chosen, skip, covered
