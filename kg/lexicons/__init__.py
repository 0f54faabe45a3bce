"""Word lists that extraction reads: one entry a line, ``#`` starts a comment.

They are data, not code: extend them without touching a rule.
"""
from __future__ import annotations

import functools
from pathlib import Path

HERE = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def read_lexicon(name: str) -> tuple[str, ...]:
    """The entries of ``kg/lexicons/<name>.txt``: one a line, ``#`` comments and blank lines left out."""
    lines = (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.split("#", 1)[0].strip() for line in lines) if s)
