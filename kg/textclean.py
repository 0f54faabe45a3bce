"""Text cleaning shared by the steps that name things: labels and titles without bidi controls.

Unicode bidirectional controls (U+202A-U+202E embeddings and overrides,
U+2066-U+2069 isolates, U+200E/U+200F marks) reorder how the characters
around them are displayed: a label ``"Qingdao\\u202Egnp.exe"`` shows as
``Qingdaoexe.png``. Names never need them, so labels and titles lose them
where they are written (:mod:`kg.rdf`). Article text and evidence keep
every character, so their offsets stay true.
"""
from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "strip_bidi"]

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional control characters.

    >>> strip_bidi("Qingdao\\u202egnp.exe")
    'Qingdaognp.exe'
    >>> strip_bidi("\\u2067Wang Bo\\u2069")
    'Wang Bo'
    """
    return _BIDI.sub("", text)
