"""Reading and writing graph files: formats by extension, atomic writes."""
from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from .errors import Errors, GraphError
from .vocab import PREFIXES

# extension -> (format, keeps named graphs)
WRITE_FORMATS = {
    ".trig": (ox.RdfFormat.TRIG, True),
    ".nq": (ox.RdfFormat.N_QUADS, True),
    ".nquads": (ox.RdfFormat.N_QUADS, True),
    ".ttl": (ox.RdfFormat.TURTLE, False),
    ".nt": (ox.RdfFormat.N_TRIPLES, False),
    ".jsonld": (ox.RdfFormat.JSON_LD, True),
}
READ_FORMATS = WRITE_FORMATS  # every format written can be read back


def atomic_output(fn: Callable) -> Callable:
    """Write to a temporary file beside ``path``, then rename it into place.

    An interrupted write never leaves a half-written file behind; a folder
    that cannot be made or written to is a :class:`GraphError` [E034].
    """

    @functools.wraps(fn)
    def wrapper(obj, path, *args, **kwargs):
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as e:  # a folder that cannot be made or written to: a user error
            raise GraphError(Errors.E034.format(path=path, reason=e.strerror or e)) from None
        try:
            with os.fdopen(fd, "wb") as out:
                fn(obj, out, *args, **kwargs)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    return wrapper


def write_format(path: str | Path) -> tuple[ox.RdfFormat, bool]:
    """The format of ``path`` by its extension, and whether it keeps named graphs.

    Called before a build too, so a typo in ``-o`` fails before any NLP.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in WRITE_FORMATS:
        raise GraphError(Errors.E030.format(suffix=suffix, path=path, known=", ".join(WRITE_FORMATS)))
    return WRITE_FORMATS[suffix]


@atomic_output
def save_store(store: ox.Store, out, fmt: ox.RdfFormat, keeps_graphs: bool) -> None:
    """Serialise ``store``; formats without named graphs get all graphs merged."""
    if keeps_graphs:
        store.dump(out, format=fmt, prefixes=PREFIXES if fmt != ox.RdfFormat.N_QUADS else None)
        return
    merged = ox.Store()
    merged.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store)
    merged.dump(out, format=fmt, from_graph=ox.DefaultGraph(),
                prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)


def load_file(store: ox.Store, path: str | Path) -> None:
    """Bulk-load a graph file into ``store``; every failure is a coded :class:`GraphError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise GraphError(Errors.E031.format(path=path))
    if suffix not in READ_FORMATS:
        raise GraphError(Errors.E033.format(suffix=suffix, path=path, known=", ".join(READ_FORMATS)))
    fmt = READ_FORMATS[suffix][0]
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise GraphError(Errors.E032.format(path=path, fmt=fmt.name, reason=e)) from None
