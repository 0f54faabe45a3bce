"""Reading and writing graph files: formats by extension, atomic writes."""
from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
import time
from collections.abc import Callable
from typing import Any
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


STALE_AFTER = 3600.0  # seconds; an old-style temp file (no pid in its name) this old is stale


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_mode(path: Path) -> int:
    """The mode a written file gets: the mode of the file it replaces, else 0o666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def remove_stale_temps(path: str | Path) -> list[Path]:
    """Delete temp files of ours beside ``path`` left by a killed write (``.NAME.PID.XXXX.tmp``).

    A temp file is stale when the process named in it is gone (or, for names
    without a pid, when it is older than an hour). Returns what was removed.
    """
    path = Path(path)
    removed = []
    prefix = _temp_prefix(path)
    try:
        candidates = [p for p in path.parent.iterdir()
                      if p.name.startswith(prefix) and p.name.endswith(".tmp") and p.is_file()]
    except OSError:
        return removed
    for temp in candidates:
        middle = temp.name[len(prefix):-len(".tmp")]
        pid, _, rest = middle.partition(".")
        if pid.isdigit() and rest:
            stale = not _alive(int(pid))
        else:
            try:
                stale = time.time() - temp.stat().st_mtime > STALE_AFTER
            except OSError:
                continue
        if stale:
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def check_writable(path: str | Path) -> None:
    """Fail now, with [E034], if ``path`` cannot be written: before a build spends its time on NLP.

    Makes the missing folders and a temp file in the target folder (then removes it), which
    answers for permissions, read-only file systems and files in the way alike.
    """
    path = Path(path)
    if path.is_dir():
        raise GraphError(Errors.E034.format(path=path, reason="it is a folder"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path) + f"{os.getpid()}.", suffix=".tmp",
                                   dir=path.parent)
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        raise GraphError(Errors.E034.format(path=path, reason=e.strerror or e)) from None


def atomic_output(fn: Callable) -> Callable:
    """Write to a temporary file beside ``path``, then rename it into place.

    An interrupted write never leaves a half-written file behind (and the
    temp file of a killed one is removed by the next write of that path); the
    file gets the mode of the one it replaces, or the umask's; a folder that
    cannot be made or written to is a :class:`GraphError` [E034].
    """

    @functools.wraps(fn)
    def wrapper(obj, path, *args, **kwargs):
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(path)
            mode = output_mode(path)
            fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path) + f"{os.getpid()}.", suffix=".tmp",
                                       dir=path.parent)
        except OSError as e:  # a folder that cannot be made or written to: a user error
            raise GraphError(Errors.E034.format(path=path, reason=e.strerror or e)) from None
        try:
            os.fchmod(fd, mode)
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
def save_store(store: ox.Store, out: Any, fmt: ox.RdfFormat, keeps_graphs: bool) -> None:
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
