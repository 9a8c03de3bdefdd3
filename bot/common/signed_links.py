"""Signed, expiring links to files the bot serves (calendar files now, exports later).

The signature is an HMAC-SHA256 over the resource path and the expiry time, so a link works for
anyone who has it until it expires, and cannot be changed to point at another resource.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime, timedelta
from urllib.parse import urlencode


class SignedLinks:
    """Makes and checks `?exp=…&sig=…` query strings for resource paths."""

    def __init__(self, secret: bytes, base_url: str) -> None:
        if len(secret) < 16:
            raise ValueError("the signing secret must be at least 16 bytes")
        self._secret = secret
        self._base_url = base_url.rstrip("/")

    def _signature(self, path: str, expires: int) -> str:
        digest = hmac.new(self._secret, f"{path}\n{expires}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def url(self, path: str, now: datetime, lifetime: timedelta) -> str:
        """An absolute link to `path` that stops working after `lifetime`."""
        expires = int((now + lifetime).timestamp())
        query = urlencode({"exp": expires, "sig": self._signature(path, expires)})
        return f"{self._base_url}{path}?{query}"

    def verify(self, path: str, expires: str | None, signature: str | None, now: datetime) -> bool:
        """True when the signature matches `path` and `expires`, and the link has not expired."""
        # ASCII digits only ("¹²³".isdigit() is true) and no more than a timestamp has.
        if not expires or not signature or not (expires.isascii() and expires.isdigit()) or len(expires) > 12:
            return False
        if int(expires) < now.timestamp():
            return False
        return hmac.compare_digest(self._signature(path, int(expires)), signature)
