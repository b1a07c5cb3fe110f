"""Who may write: the holder of the bearer token in GEOKG_WRITE_TOKEN. Reads stay open.

Three refusals (`geokg.errors.AccessDenied`), each its own problem type
(`geokg.web.problems`) so a client can tell them apart:
- no token configured: 403 `writes-disabled` (nothing a client sends can help);
- no usable `Authorization: Bearer …` header: 401 `token-missing` with `WWW-Authenticate`;
- a token that is not the configured one: 403 `token-wrong`.
The comparison is `hmac.compare_digest`, so the time it takes says nothing about the token.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import request

from geokg.errors import TokenMissing, TokenWrong, WritesDisabled
from geokg.web.state import get_settings

P = ParamSpec("P")
R = TypeVar("R")

def require_write_token() -> None:
    """Raise an AccessDenied unless the request carries the configured write token."""
    token = get_settings().write_token
    if not token:
        raise WritesDisabled("this server accepts no writes because no write token is "
                             "configured; set GEOKG_WRITE_TOKEN on the server to enable them")
    scheme, _, offered = request.headers.get("Authorization", "").strip().partition(" ")
    offered = offered.strip()
    if scheme.lower() != "bearer" or not offered:
        raise TokenMissing("writes need the header 'Authorization: Bearer <token>' with the "
                           "token configured as GEOKG_WRITE_TOKEN")
    if not hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8")):
        raise TokenWrong("the bearer token is not the one this server is configured with")


def require_ingest_token() -> None:
    """Ingest (POST /articles) is open unless GEOKG_INGEST_REQUIRES_TOKEN is on."""
    if get_settings().ingest_requires_token:
        require_write_token()


def write_protected(view: Callable[P, R]) -> Callable[P, R]:
    """Decorate a view that writes: the token is checked before the body is read."""

    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        require_write_token()
        return view(*args, **kwargs)

    return checked
