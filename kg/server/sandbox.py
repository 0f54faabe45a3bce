"""What a SPARQL request may make the engine do: no ``SERVICE``, no ``LOAD``, no network.

Two independent locks, so that one mistake does not open the door:

1. :func:`refused_operations` decides on the *parsed* request (rdflib's SPARQL
   grammar, the same productions Oxigraph implements), not on a regex over the
   text: ``FILTER('!'<'>') SERVICE <...>`` parses to a ``ServiceGraphPattern``
   whatever the quotes around it look like. A request rdflib cannot parse is
   refused unless lock 2 is on.
2. :func:`deny_network` runs in each forked worker before Oxigraph sees the
   request: a seccomp filter makes ``socket()`` fail for every family but
   ``AF_UNIX`` (the worker's pipe to the server is made before the fork), so
   even a ``SERVICE`` that got through cannot resolve a name or open a
   connection. Linux on x86-64 and arm64 only; elsewhere lock 1 stands alone.

pyoxigraph 0.5 has no switch to turn federation off (its HTTP client is
compiled in), hence the filter. :func:`check_safe` is the endpoint's decision:
both checks, and a cap on nesting, as coded HTTP errors.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import platform
import re
import struct
import sys
import threading
from typing import Any

from ..errors import EndpointError, Errors

__all__ = ["refused_operations", "deny_network", "network_denied", "parse_update", "nesting_depth",
           "MAX_NESTING", "check_safe"]

MAX_NESTING = 128  # groups and brackets inside each other; real queries stay under 20

# ------------------------------------------------------------------ lock 1: the parse
_PARSE_STACK = 256 << 20  # bytes; rdflib's grammar recurses ~30 frames per nested group
_PARSE_RECURSION = 200_000


def _walk(node, names: set[str]) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, CompValue):
            names.add(x.name)
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)) or hasattr(x, "asList"):
            stack.extend(x)


def _deep(fn, *args):
    """Call ``fn`` in a thread with a large stack: the grammar is deeply recursive."""
    out: dict = {}

    def run() -> None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, _PARSE_RECURSION))
        try:
            out["value"] = fn(*args)
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            out["error"] = e
        finally:
            sys.setrecursionlimit(old)

    size = threading.stack_size()
    try:
        threading.stack_size(_PARSE_STACK)
        thread = threading.Thread(target=run, name="kg-sparql-parse")
    finally:
        threading.stack_size(size)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]


def parse_update(text: str) -> Any:
    """rdflib's parse tree of an update (raises on a syntax error)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    return _deep(parseUpdate, text)


def parsed_names(text: str, kind: str) -> set[str]:
    """Names of every grammar production in the parse tree of a query or update."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    tree = _deep(parseQuery if kind == "query" else parseUpdate, text)
    names: set[str] = set()
    _deep(_walk, tree, names)
    return names


def refused_operations(text: str, kind: str) -> tuple[set[str], bool]:
    """The refused operations ``{"SERVICE", "LOAD"}`` found in the parse tree, and whether it parsed.

    >>> refused_operations("SELECT * { FILTER('!'<'>') SERVICE <http://h/> { ?s ?p ?o } }", "query")
    ({'SERVICE'}, True)
    >>> refused_operations('SELECT * { ?s ?p "SERVICE <http://h/>" }', "query")
    (set(), True)
    >>> refused_operations("LOAD <http://h/x.ttl>", "update")
    ({'LOAD'}, True)
    """
    try:
        names = parsed_names(text, kind)
    except Exception:  # noqa: BLE001 - rdflib's grammar refused it: undecided
        return set(), False
    found = set()
    if "ServiceGraphPattern" in names:
        found.add("SERVICE")
    if "Load" in names:
        found.add("LOAD")
    return found, True


# ------------------------------------------------------------------ lock 2: seccomp
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO_EPERM = 0x00050000 | 1
_AF_UNIX = 1
# machine -> (AUDIT_ARCH_*, number of the socket syscall)
_ARCHES = {"x86_64": (0xC000003E, 41), "amd64": (0xC000003E, 41),
           "aarch64": (0xC00000B7, 198), "arm64": (0xC00000B7, 198)}
_BPF_LD_W_ABS, _BPF_JEQ_K, _BPF_RET_K = 0x20, 0x15, 0x06
_denied = False


def _filter_program(arch: int, nr_socket: int) -> bytes:
    """BPF: on this arch, ``socket(domain != AF_UNIX)`` fails with EPERM; everything else runs."""
    ins = [
        (_BPF_LD_W_ABS, 0, 0, 4),              # A = seccomp_data.arch
        (_BPF_JEQ_K, 0, 5, arch),              # other arch (x32, i386 compat): deny all below
        (_BPF_LD_W_ABS, 0, 0, 0),              # A = seccomp_data.nr
        (_BPF_JEQ_K, 0, 2, nr_socket),         # not socket(): allow
        (_BPF_LD_W_ABS, 0, 0, 16),             # A = args[0] (low word): the address family
        (_BPF_JEQ_K, 0, 2, _AF_UNIX),          # AF_UNIX: allow, else deny
        (_BPF_RET_K, 0, 0, _RET_ALLOW),
        (_BPF_RET_K, 0, 0, _RET_ERRNO_EPERM),  # reached only from the arch check
        (_BPF_RET_K, 0, 0, _RET_ERRNO_EPERM),
    ]
    # the arch check jumps over 5 to the first EPERM; the family check over 2 to the second
    return b"".join(struct.pack("HBBI", *i) for i in ins)


def deny_network() -> bool:
    """Forbid this process (and its threads and children) to open network sockets, for good.

    Returns whether the filter is on. Call it only in a worker process.
    """
    global _denied
    if _denied:
        return True
    machine = platform.machine().lower()
    if sys.platform != "linux" or machine not in _ARCHES:
        return False
    program = _filter_program(*_ARCHES[machine])
    count = len(program) // 8
    buf = ctypes.create_string_buffer(program, len(program))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = SockFprog(count, ctypes.cast(buf, ctypes.c_void_p))
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        return False
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        return False
    _denied = True
    return True


def network_denied() -> bool:
    """Whether :func:`deny_network` is on in this process."""
    return _denied


# ------------------------------------------------------------------ the old, textual check
# Kept as a second opinion (it errs on the safe side): strings, IRIs and comments
# blanked out, then the keywords looked for in what is left.
_NOT_SYNTAX = re.compile(r'''
      (?<!\\)"""(?:[^"\\]|\\.|"(?!""))*"""
    | (?<!\\)\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
    | (?<!\\)"(?:[^"\\\n\r]|\\.)*"
    | (?<!\\)'(?:[^'\\\n\r]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>
    | (?<!\\)\#[^\n\r]*
''', re.VERBOSE | re.DOTALL)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_BRACKETS = re.compile(_NOT_SYNTAX.pattern + r"| (?P<b>[{}()\[\]])", re.VERBOSE | re.DOTALL)


def nesting_depth(text: str) -> int:
    """How deep groups, brackets and parentheses nest (outside strings, IRIs and comments).

    Parsers recurse once or more per level, so a request nested thousands deep
    is refused before any parser sees it.

    >>> nesting_depth("SELECT * { { ?s ?p '{{{' } FILTER((1)) }")
    3
    """
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        b = m.group("b")
        if b is None:
            continue
        depth += 1 if b in "{([" else -1
        deepest = max(deepest, depth)
    return deepest
_KEYWORDS = re.compile(r"(?<![\w?$:])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


def keywords_in_text(text: str) -> set[str]:
    """``SERVICE``/``LOAD`` outside strings, IRIs and comments, by a textual scan.

    >>> sorted(keywords_in_text('SELECT * { ?s ?p "LOAD" } # SERVICE'))
    []
    """
    decoded = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return {m.group(1).upper() for m in _KEYWORDS.finditer(_NOT_SYNTAX.sub(" ", decoded))}



# ------------------------------------------------------------------ the endpoint's decision
def check_safe(sparql: str, kind: str = "query") -> None:
    """Refuse ``SERVICE`` and ``LOAD``, decided on the parsed query or update, and deep nesting.

    The textual scan is a second opinion; either one refuses. A request
    that rdflib's SPARQL grammar cannot parse runs only inside a worker without
    network (Oxigraph then says what is wrong with it).

    >>> check_safe('SELECT * { ?s ?p "SERVICE <http://x/>" } # SERVICE')
    >>> check_safe("SELECT * { FILTER('!'<'>') SERVICE <http://x/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.EndpointError: [E062] SERVICE (federated query) is refused: ...
    """
    depth = nesting_depth(sparql)
    if depth > MAX_NESTING:
        raise EndpointError(400, Errors.E099.format(depth=depth, limit=MAX_NESTING))
    found, parsed = refused_operations(sparql, kind)
    found |= keywords_in_text(sparql)
    if "SERVICE" in found:
        raise EndpointError(400, Errors.E062)
    if "LOAD" in found:
        raise EndpointError(400, Errors.E065)
    if not parsed and not network_denied():
        raise EndpointError(400, Errors.E079.format(reason="not SPARQL 1.1 as rdflib reads it"))
