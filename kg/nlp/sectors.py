"""Sector phrases from coordinated lists after cooperation and industry cues.

"in five major areas - technological innovation, international shipping,
and modern finance" gives three sectors, lower-cased and without
determiners; a conjunct that shares a head stays as written ("new energy and
materials").
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..lexicons import read_lexicon

_STOP_AT = re.compile(r"[.;:!?\"“”()]|,\s*(?:which|who|to|with|while|as well as|according|and (?:to|the|will|is|are|has|have|a)\b)"
                      r"|\s(?:was|were|is|are|will|has|have|had|to|that|so|by|through|at|from|for|among|with)\s", re.I)
_DETERMINERS = re.compile(r"^(?:the|a|an|other|its|their|our|such|various|key|major|several|multiple|many)\s+", re.I)
_INDUSTRY_NOUN = re.compile(r"\b(?:firms|companies|industry|industries|sector|market)\b")
_WORDS_BEFORE = re.compile(r"(?:[a-z][\w&-]*\s+){1,3}$")
_NUMBER_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"


class SectorPhrase(NamedTuple):
    start: int
    end: int
    text: str  # as written, lower-cased


class SectorFinder:
    def __init__(self):
        self.cues = [re.compile(c, re.I) for c in read_lexicon("sector_cues")]
        self.stop = {s.lower() for s in read_lexicon("non_sectors")}
        self.labels: set[str] | None = None  # the sector scheme's labels, read on first use

    def named_industries(self, text: str) -> list[SectorPhrase]:
        """Sectors of the scheme named as an industry: "aerospace firms", "the aviation market"."""
        if self.labels is None:
            self.labels = {x for x in default_scheme().labels if x.isalpha() or " " in x} - self.stop
        out = []
        for noun in _INDUSTRY_NOUN.finditer(text):
            before = _WORDS_BEFORE.search(text, max(0, noun.start() - 60), noun.start())
            words = before.group(0).split() if before else []
            for n in range(min(3, len(words)), 0, -1):  # the longest label first
                if " ".join(words[-n:]) in self.labels:
                    label = re.search(r"\S+(?:\s+\S+){%d}\s+$" % (n - 1), text[before.start():noun.start()])
                    at = before.start() + label.start()
                    out.append(SectorPhrase(at, at + len(label.group(0).rstrip()), " ".join(words[-n:])))
                    break
        return out

    def find(self, sentence: str, offset: int = 0) -> list[SectorPhrase]:
        """Sector phrases in one sentence (character offsets shifted by ``offset``)."""
        out: list[SectorPhrase] = []
        seen: set[int] = set()
        for cue in self.cues:
            for m in cue.finditer(sentence):
                start = m.end()
                if start in seen:
                    continue
                seen.add(start)
                out.extend(self._list_after(sentence, start, offset))
        kept: list[SectorPhrase] = []
        for s in sorted(set(out), key=lambda p: p.end - p.start):
            if not any(s.start < k.end and k.start < s.end for k in kept):
                kept.append(s)  # of overlapping readings, the shorter is the list item
        return sorted(kept)

    def _list_after(self, sentence: str, start: int, offset: int) -> list[SectorPhrase]:
        rest = sentence[start:]
        lead = re.match(rf"\s*(?:(?:the\s+)?{_NUMBER_WORDS}\s+(?:major\s+|key\s+)?(?:areas|fields|sectors|industries)\s*)?[-–—:]?\s*(?:such as\s+|including\s+|like\s+)?", rest, re.I)
        pos = start + (lead.end() if lead else 0)
        stop = _STOP_AT.search(sentence, pos)
        end = stop.start() if stop else len(sentence)
        chunk = sentence[pos:end]
        if not chunk.strip():
            return []
        items: list[tuple[int, int]] = []
        for m in re.finditer(r"[^,]+", chunk):
            items.append((pos + m.start(), pos + m.end()))
        phrases: list[tuple[int, int]] = []
        for n, (s, e) in enumerate(items):
            text = sentence[s:e]
            last = n == len(items) - 1
            oxford = last and re.match(r"\s*(?:and|or)\s", text)
            closing = n > 0 and re.match(r"\s*(?:and|or)\s", text)
            if (last and not oxford) or len(items) == 1:
                parts = [(s + m.start(), s + m.end()) for m in re.finditer(r"(?:(?!\s(?:and|or|as well as)\s).)+", text)]
                phrases.extend(parts)
            else:
                phrases.append((s, e))
            if closing:
                break  # "A, B, and C, participated": the list ends at "and C"
        found = []
        for s, e in phrases:
            text = sentence[s:e]
            lstrip = len(text) - len(text.lstrip())
            s += lstrip
            text = text.strip()
            m = re.match(r"(?:and|or)\s+", text)
            if m:
                s += m.end()
                text = text[m.end():]
            m = _DETERMINERS.match(text)
            while m:
                s += m.end()
                text = text[m.end():]
                m = _DETERMINERS.match(text)
            text = text.rstrip(" .")
            m = re.search(r"\s+sector$", text, re.I)
            if m:
                text = text[:m.start()]
            if self._plausible(text):
                found.append(SectorPhrase(offset + s, offset + s + len(text), text.lower()))
        return found if len(found) >= 1 else []

    def _plausible(self, text: str) -> bool:
        words = text.split()
        if not 1 <= len(words) <= 5 or text.lower() in self.stop:
            return False
        if any(ch.isdigit() for ch in text) or text[:1] in "\"'“$£€" or re.search(
                r"\b(?:range|variety|number|series|host|lot|list|total) of\b", text, re.I):
            return False
        capitals = sum(w[:1].isupper() and not (w.isupper() and len(w) <= 4) for w in words)
        if capitals:
            return False  # names, not sectors ("Japan", "Boeing")
        return not re.search(r"\b(?:we|they|it|he|she|said|says|is|are|be|been|will|would|can|could)\b", text, re.I)


class SectorScheme:
    """The SKOS sector scheme (``ontology/sectors.ttl``) as a lexicon.

    ``concept("bio-medicine")`` gives the concept IRI of a written variant;
    ``broader("high-end equipment manufacturing")`` the concept a new phrase
    belongs under, by its head words ("... manufacturing" under manufacturing).
    """

    def __init__(self, labels: dict[str, str]):
        self.labels = labels

    @classmethod
    def load(cls, path) -> "SectorScheme":
        import pyoxigraph as ox

        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        labels: dict[str, str] = {}
        for prop in ("prefLabel", "altLabel"):
            p = ox.NamedNode("http://www.w3.org/2004/02/skos/core#" + prop)
            for q in store.quads_for_pattern(None, p, None):
                labels.setdefault(q.object.value.lower(), q.subject.value)
        return cls(labels)

    def concept(self, phrase: str) -> str | None:
        return self.labels.get(phrase.lower())

    def broader(self, phrase: str) -> str | None:
        words = re.split(r"\s+", phrase.lower())
        for n in range(1, len(words)):
            found = self.labels.get(" ".join(words[n:]))
            if found:
                return found
        first = re.split(r"\s+and\s+", phrase.lower())[0]
        return self.labels.get(first) if first != phrase.lower() else None


@functools.lru_cache(maxsize=1)
def default_scheme() -> SectorScheme:
    """The scheme shipped in ``ontology/``, loaded once per process (empty if missing)."""
    from ..errors import KGError
    from ..resources import sector_scheme_path

    try:
        return SectorScheme.load(sector_scheme_path())
    except KGError:
        return SectorScheme({})
