"""HTTP hardening of ``kg serve``: which Host names it answers, who may write, response headers.

DNS rebinding: a page on ``evil.example`` whose name is re-pointed at
127.0.0.1 talks to the server as a same-origin page of ``evil.example``.
Its requests carry ``Host: evil.example``, so a server that answers only the
names it was started for (``--host``, loopback names for a loopback address,
``--allowed-host`` for a proxy) cannot be reached that way. Writes also need
an ``Origin`` (when the browser sends one) among those names.

Every response says ``X-Content-Type-Options: nosniff`` and carries a
Content-Security-Policy; CORS is granted to reads only (see ``kg.server.serve``).
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..errors import EndpointError, Errors

__all__ = ["HostPolicy", "SecurityHeaders", "CSP", "CORS_READ_HEADERS"]

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
WILDCARD = {"0.0.0.0", "::", ""}
# The pages are self-contained (inline script and style, no other site); nothing may frame them,
# post forms elsewhere, or send data to another host.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
CORS_READ_HEADERS = {"Access-Control-Allow-Origin": "*", "Vary": "Origin, Accept"}


def _hostname(value: str) -> str:
    """The host name of a Host header value or URL authority, lower case, without port or brackets.

    >>> _hostname("[::1]:8000"), _hostname("LocalHost:80"), _hostname("example.org")
    ('::1', 'localhost', 'example.org')
    """
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") > 1:  # a bare IPv6 address
        return value
    return value.split(":", 1)[0]


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class HostPolicy:
    """The host names a server started on ``host`` answers to.

    >>> p = HostPolicy("127.0.0.1")
    >>> p.allows("localhost:8000"), p.allows("evil.example:8000")
    (True, False)
    >>> HostPolicy("0.0.0.0", ["kg.example.org"]).allows("10.0.0.5:8000")
    True
    """

    def __init__(self, host: str = "127.0.0.1", allowed: Iterable[str] = ()):
        host = _hostname(host)
        self.any_ip = host in WILDCARD
        self.names = {_hostname(h) for h in allowed} | ({host} if host not in WILDCARD else set())
        if host in LOOPBACK_NAMES or self.any_ip:
            self.names |= LOOPBACK_NAMES

    def allows(self, host_header: str | None) -> bool:
        """Whether a Host header (or an Origin's host) names this server."""
        if not host_header:
            return False
        name = _hostname(host_header)
        return name in self.names or (self.any_ip and _is_ip(name))

    def check_host(self, host_header: str | None) -> None:
        """Refuse (400, [E092]) a request for a host name this server was not started for."""
        if not self.allows(host_header):
            name = _hostname(host_header or "") or "NAME"
            raise EndpointError(400, Errors.E092.format(host=host_header or "", name=name))

    def check_origin(self, origin: str | None) -> None:
        """Refuse a browser's cross-site write: an ``Origin`` that is not one of our names."""
        if origin is None:
            return
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not self.allows(parts.netloc):
            raise EndpointError(403, Errors.E074.format(origin=origin))


class SecurityHeaders:
    """ASGI middleware: refuse unknown Host names; add nosniff and the CSP to every response."""

    def __init__(self, app: Any, policy: HostPolicy):
        self.app, self.policy = app, policy

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        try:
            self.policy.check_host(host)
        except EndpointError as e:
            body = str(e).encode("utf-8")
            await send({"type": "http.response.start", "status": e.status,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode()),
                                    *self._extra()]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *self._extra()]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    def _extra() -> list[tuple[bytes, bytes]]:
        return [(b"x-content-type-options", b"nosniff"), (b"content-security-policy", CSP.encode()),
                (b"referrer-policy", b"no-referrer")]
