"""HTTP protocol helpers shared by the SPARQL endpoint (:mod:`kg.serve`) and the Graph Store (:mod:`kg.gsp`).

Accept headers, request bodies, CORS preflight and the prefixes of RDF
answers. Below both front ends; imports neither.
"""
from __future__ import annotations

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import Response

from .errors import EndpointError, Errors
from .http_guard import CORS_READ_HEADERS
from .vocab import PREFIXES

__all__ = ["MAX_BODY", "accepted", "prefixes_for", "read_body_bytes", "preflight"]

MAX_BODY = 1 << 20  # bytes; a longer SPARQL request is a mistake or an attack


def accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (ties keep their order).

    >>> accepted("text/csv;q=0.5, application/json")
    ['application/json', 'text/csv']
    """
    ranked = []
    for i, part in enumerate((header or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def prefixes_for(fmt: ox.RdfFormat) -> dict[str, str] | None:
    """The prefixes to write in an RDF answer: ours for Turtle, TriG and N3, none for the rest."""
    return PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3) else None


async def read_body_bytes(request: Request) -> bytes:
    """The request body, refused (413) past ``MAX_BODY`` bytes."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise EndpointError(413, Errors.E075.format(limit=MAX_BODY))
        chunks.append(chunk)
    return b"".join(chunks)


def preflight() -> Response:
    """CORS preflight: reads may come from any page; updates are refused later by their Origin."""
    return Response(status_code=204, headers={
        **CORS_READ_HEADERS, "Access-Control-Allow-Methods": "GET, POST, HEAD",
        "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"})
