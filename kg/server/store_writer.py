"""The process that writes an on-disk store: one SPARQL update, all of it or nothing, then exit.

:func:`kg.server.update_runner.write_store` starts one for each write to a store
folder served with ``--allow-update``, and kills it at the request's time
limit. The server cannot apply the update itself: Oxigraph cannot be
interrupted from Python, so a runaway update would hold the server (and its
update lock) for ever. It cannot fork a child to write either: a store folder
has one writer at a time (RocksDB locks it), the server keeps it open
read-only for its queries, and RocksDB's background threads (flushes,
compactions) do not survive a fork. So the writer is a fresh interpreter that
opens the folder for writing.

Oxigraph applies an update in one transaction, written at its end, so a
writer killed before that leaves the store as it was, and the lock dies with
the process. The reply is sent before the store is closed: a writer killed
while closing has applied its update, and says so.

Reads one JSON request on stdin (``store``, ``update``, ``base_iri``,
``prefixes``); writes one JSON line on stdout: ``{"ok": true}`` or
``{"error": "open" | "syntax" | "failed", "reason": "..."}``. Imports only
:mod:`kg.server.sandbox` (no network here either) and pyoxigraph, so it starts quickly.
"""
from __future__ import annotations

import json
import sys
from typing import Any

from .sandbox import deny_network

__all__ = ["main", "apply"]


def _open(folder: str) -> tuple[Any, dict | None]:
    """The store opened for writing, or the error reply (locked by another writer, not a store)."""
    import pyoxigraph as ox

    try:
        return ox.Store(folder), None
    except OSError as e:
        return None, {"error": "open", "reason": str(e).strip()}


def apply(store: Any, request: dict) -> dict:
    """Run the request's update on ``store`` (one transaction); the reply to send."""
    try:
        store.update(request["update"], base_iri=request.get("base_iri"), prefixes=request.get("prefixes"))
    except SyntaxError as e:
        return {"error": "syntax", "reason": str(e).strip()}
    except (OSError, ValueError) as e:
        return {"error": "failed", "reason": str(e).strip()}
    return {"ok": True}


def main() -> int:
    """Read the request on stdin, apply it, answer on stdout; the store closes as the process ends."""
    deny_network()
    request = json.load(sys.stdin)
    store, reply = _open(request["store"])
    if store is not None:
        reply = apply(store, request)
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    del store  # closes it (RocksDB releases its lock), after the reply is out
    return 0
