"""Why a fact is there or missing: the mentions, rules and facts of each sentence.

:func:`explain` runs the pipeline on one article exactly as a build does
(:func:`kg.batching.article_doc`, then :func:`kg.extract.extract`) and lays out,
sentence by sentence,

- the mentions found in it: text, class, the rule that typed it, and the
  entity it became (matched by name: "Wang" may be Wang Bo, an Official);
- the raw facts the relation rules made in it (``doc._.nkg_facts``): relation,
  the mention in each role, rule, confidence, the document-level rules
  (:mod:`kg.nlp.rules`) that amended it, and whether a final fact of its kind
  came out of that sentence (``kept``);
- the entity-level facts of the :class:`~kg.model.Extraction` whose evidence
  is that sentence, with entity labels instead of IRIs.

The whole article is always parsed, so facts told across sentences come out as
in a build; ``sentence`` and ``grep`` only choose which sentences are shown.
:func:`format_text` prints an :class:`Explanation` for a terminal and
:func:`to_json` as one JSON document.
"""
from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from .errors import Errors, InputError
from .model import Article, Extraction, Money

__all__ = ["explain", "read_article", "select_sentences", "format_text", "to_json", "Explanation",
           "SentenceNote", "MentionNote", "RawFactNote", "FactNote", "RuleUse"]

# The roles of each raw fact kind that name mentions (by index into doc._.nkg_mentions).
ROLES = {
    "post": ("person", "of"),
    "locatedIn": ("place", "in"),
    "cooperation": ("parties", "sectors"),
    "event": ("event", "heldIn", "partOf"),
    "agreement": ("parties", "signedAt", "sectors"),
    "investment": ("investor", "target"),
}
# Raw fact keys shown elsewhere, never as details.
_BOOKKEEPING = {"rel", "rule", "rules", "confidence", "at"}
# Entity-level fact classes by the raw relation they carry.
KINDS = {"Post": "post", "LocatedIn": "locatedIn", "Cooperation": "cooperation", "EventInfo": "event",
         "Agreement": "agreement", "Investment": "investment"}


@dataclass(frozen=True)
class MentionNote:
    """A mention in a sentence: its text, class and the rule that typed it."""

    index: int  # in doc._.nkg_mentions
    text: str
    cls: str
    rule: str
    start: int
    end: int
    entity: dict | None = None  # the entity it resolved to: {"label", "cls", "iri"}, if known by name


@dataclass(frozen=True)
class RoleFiller:
    """A mention named in a role of a raw fact; ``sentence`` is where it stands (1-based)."""

    index: int
    text: str
    cls: str
    sentence: int


@dataclass(frozen=True)
class RawFactNote:
    """A raw fact a rule found in the sentence, before entities are merged."""

    rel: str
    rule: str
    confidence: float
    roles: dict  # role -> RoleFiller, list of them, or None
    details: dict  # the other fields: count, title, values, date ...
    amended_by: tuple[str, ...] = ()
    kept: bool = True  # a final fact of this kind has this sentence as evidence


@dataclass(frozen=True)
class FactNote:
    """A final fact of the sentence, with its entities' labels."""

    kind: str
    rule: str
    confidence: float
    fields: dict  # entity references as {"label", "cls", "iri"}; money as {"amount", "currency", "text"}


@dataclass(frozen=True)
class SentenceNote:
    """One sentence explained: its mentions, raw facts and final facts."""

    n: int  # 1-based
    start: int
    end: int
    text: str
    mentions: tuple[MentionNote, ...] = ()
    raw_facts: tuple[RawFactNote, ...] = ()
    facts: tuple[FactNote, ...] = ()


@dataclass(frozen=True)
class RuleUse:
    """How often a rule fired in the shown sentences: raw facts made, facts amended, final facts."""

    name: str
    kind: str
    confidence: float | None
    raw: int = 0
    amended: int = 0
    final: int = 0


@dataclass(frozen=True)
class Explanation:
    """What :func:`explain` returns: the article and its chosen sentences."""

    article: Article
    sentence_count: int  # sentences in the whole article
    sentences: tuple[SentenceNote, ...]
    rules: tuple[RuleUse, ...]
    warnings: tuple[str, ...] = ()


def read_article(path: str | Path, id: str | None = None) -> Article:
    """The article of a .txt or .html file, or the record ``id`` (else the first) of a .jsonl file.

    Raises :class:`~kg.errors.InputError` for a missing or unreadable file, or an unknown ``id``.
    """
    from .read import read_articles

    path = Path(path)
    if path.is_dir():
        raise InputError(Errors.E100.format(path=path))
    seen = []
    for article in read_articles([path]):
        if id is None or article.id == id:
            return article
        seen.append(article.id)
    if id is not None:
        shown = ", ".join(repr(i) for i in seen[:5]) + (", ..." if len(seen) > 5 else "")
        raise InputError(Errors.E101.format(id=id, path=path, ids=shown or "none"))
    raise InputError(Errors.E007.format(paths=path))


def select_sentences(texts: list[str], sentence: int | None = None, grep: str | None = None) -> list[int]:
    """The 1-based numbers of the sentences to show: number ``sentence``, and those containing ``grep``.

    ``grep`` matches case-insensitively, with runs of whitespace as one space.

    >>> select_sentences(["Qingdao signs 16 deals.", "Wang Bo spoke.", "Qingdao grows."], grep="qingdao")
    [1, 3]
    >>> select_sentences(["Qingdao signs 16 deals.", "Wang Bo spoke."], sentence=2)
    [2]
    """
    chosen = list(range(1, len(texts) + 1))
    if sentence is not None:
        if not 1 <= sentence <= len(texts):
            raise InputError(Errors.E102.format(n=sentence, count=len(texts)))
        chosen = [sentence]
    if grep is not None:
        word = " ".join(grep.split()).lower()
        chosen = [n for n in chosen if word in " ".join(texts[n - 1].split()).lower()]
        if not chosen:
            raise InputError(Errors.E103.format(word=grep))
    return chosen


def explain(article: Article, nlp: Any = None, *, sentence: int | None = None, grep: str | None = None) -> Explanation:
    """Run the pipeline on ``article`` and explain the sentences chosen by ``sentence`` and ``grep``.

    Parameters
    ----------
    article : Article
        From :func:`read_article` or :func:`kg.read.article_from_text`.
    nlp : spacy.Language, optional
        A pipeline from :func:`kg.nlp.load_pipeline` (loaded if not given).
    sentence : int, optional
        Show only this sentence (1-based, as numbered in the output).
    grep : str, optional
        Show only the sentences containing this word or phrase.

    Returns
    -------
    Explanation

    Raises
    ------
    InputError
        ``sentence`` out of range, or no sentence contains ``grep``.
    """
    from .batching import article_doc
    from .nlp import load_pipeline

    nlp = load_pipeline() if nlp is None else nlp
    with nlp.memory_zone():  # as a build: the strings of the article are freed once it is explained
        return _explain(article, nlp(article_doc(nlp, article)), sentence, grep)


def _explain(article: Article, doc, sentence: int | None, grep: str | None) -> Explanation:
    """The explanation of a processed ``doc``, in plain values that outlive it."""
    from .extract import extract, sentence_spans

    extraction = extract(article, doc)
    spans = sentence_spans(doc, article.text)
    text = article.text
    shown = select_sentences([text[s:e] for s, e in spans], sentence, grep)

    def sentence_of(pos: int) -> int:
        return next((k for k, (s, e) in enumerate(spans, 1) if s <= pos < e), 0)

    mentions = [tuple(m) for m in doc._.nkg_mentions or ()]
    entity_of = _entity_finder(extraction)
    raw_facts = [dict(f) for f in doc._.nkg_facts or ()]
    final = _final_facts(extraction)
    final_at: dict[int, list[FactNote]] = {}
    for fact, note in final:
        for n in dict.fromkeys(sentence_of(ev.start) for ev in fact.evidence):
            final_at.setdefault(n, []).append(note)

    def filler(i: int) -> RoleFiller:
        start, _end, mtext, cls = mentions[i][:4]
        return RoleFiller(i, mtext, cls, sentence_of(start))

    notes = []
    for n in shown:
        s, e = spans[n - 1]
        kept_kinds = {f.kind for f in final_at.get(n, ())}
        raws = []
        for f in raw_facts:
            if sentence_of(f["at"]) != n:
                continue
            roles = {}
            for role in ROLES.get(f["rel"], ()):
                if role in f:
                    value = f[role]
                    roles[role] = [filler(i) for i in value] if isinstance(value, (list, tuple)) else \
                        (filler(value) if value is not None else None)
            details = {k: _plain_values(k, v) for k, v in f.items()
                       if k not in _BOOKKEEPING and k not in roles and v not in (None, [], (), False)}
            raws.append(RawFactNote(f["rel"], f["rule"], f["confidence"], roles, details,
                                    tuple(f.get("rules", ())), f["rel"] in kept_kinds))
        notes.append(SentenceNote(
            n, s, e, text[s:e],
            tuple(MentionNote(i, m[2], m[3], m[5], m[0], m[1], entity_of(m[2], m[4], m[3]))
                  for i, m in enumerate(mentions) if s <= m[0] < e),
            tuple(raws), tuple(final_at.get(n, ()))))
    return Explanation(article, len(spans), tuple(notes), _rule_uses(notes), tuple(extraction.warnings))


def _entity_finder(extraction: Extraction):
    """``(text, key, cls) -> {"label", "cls", "iri"}`` of the one entity with that name, else None.

    An entity keeps every name it was written with (label and aliases); a name that two entities
    share goes to the one of the mention's coarse class, if just one is.
    """
    from .extract import COARSE

    by_name: dict[str, dict[str, object]] = {}
    for e in extraction.entities:
        for name in (e.label, *e.aliases):
            by_name.setdefault(name, {})[e.iri] = e

    def find(text: str, key: str, cls: str) -> dict | None:
        found = {**by_name.get(text, {}), **by_name.get(key, {})}
        if len(found) > 1:
            found = {iri: e for iri, e in found.items() if COARSE.get(e.cls) == COARSE.get(cls)}
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return {"label": e.label, "cls": e.cls, "iri": e.iri}

    return find


def _plain_values(key: str, value):
    """Money triples of a raw fact as dicts; everything else as it is."""
    if key == "values":
        return [{"amount": a, "currency": c, "text": t} for a, c, t in value]
    return list(value) if isinstance(value, tuple) else value


def _final_facts(extraction: Extraction) -> list[tuple[object, FactNote]]:
    """Each entity-level fact with its note: IRIs replaced by the entities' labels and classes."""
    entities = {e.iri: e for e in extraction.entities}

    def plain(value):
        if isinstance(value, str) and value in entities:
            e = entities[value]
            return {"label": e.label, "cls": e.cls, "iri": e.iri}
        if isinstance(value, Money):
            return {"amount": value.amount, "currency": value.currency, "text": value.text}
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    out = []
    for fact in extraction.facts:
        values = {f.name: plain(getattr(fact, f.name)) for f in fields(fact)
                  if f.name not in ("evidence", "confidence", "rule")}
        kind = KINDS.get(type(fact).__name__, type(fact).__name__)
        out.append((fact, FactNote(kind, fact.rule, fact.confidence, values)))
    return out


def _rule_uses(notes: list[SentenceNote]) -> tuple[RuleUse, ...]:
    """The rules that fired in the shown sentences, in order of first use."""
    from .nlp.rules import REGISTRY, rules_for

    rules_for("agreement")  # registers the document-level rules
    uses: dict[str, dict] = {}
    counted: set[int] = set()  # a final fact told in several sentences counts once

    def use(name: str, kind: str, confidence: float | None) -> dict:
        return uses.setdefault(name, {"name": name, "kind": kind, "confidence": confidence,
                                      "raw": 0, "amended": 0, "final": 0})

    for note in notes:
        for f in note.raw_facts:
            use(f.rule, f.rel, f.confidence)["raw"] += 1
            for name in f.amended_by:
                known = REGISTRY.get(name)
                use(name, known.kind if known else f.rel, known.confidence if known else None)["amended"] += 1
        for f in note.facts:
            if id(f) not in counted:
                counted.add(id(f))
                use(f.rule, f.kind, f.confidence)["final"] += 1
    return tuple(RuleUse(**u) for u in uses.values())


# ------------------------------------------------------------------ output
def _plain(obj):
    if is_dataclass(obj):
        return {k: _plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def to_json(explanation: Explanation, indent: int | None = 2) -> str:
    """The explanation as one JSON document: article (without its text), sentences, rules, warnings."""
    doc = _plain(explanation)
    doc["article"].pop("text")  # each sentence carries its own
    return json.dumps(doc, ensure_ascii=False, indent=indent)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _money_text(m: dict) -> str:
    """``$1.66 billion (1,660,000,000 USD)``: as written, then as read."""
    amount = f"{m['amount']:,.0f}" if float(m["amount"]).is_integer() else f"{m['amount']:,}"
    read = f"{amount} {m['currency']}"
    return f"{_one_line(m['text']).rstrip('.')} ({read})" if m.get("text") else read


def _filler_text(value, here: int) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(_filler_text(v, here) for v in value) or "-"
    where = f" (sentence {value.sentence})" if value.sentence != here else ""
    return f"{value.text} [{value.cls}]{where}"


def _value_text(key: str, value) -> str:
    if isinstance(value, dict) and "label" in value:
        return value["label"]
    if isinstance(value, dict) and "currency" in value:
        return _money_text(value)
    if isinstance(value, list):
        return ", ".join(_value_text(key, v) for v in value)
    return str(value)


def _fields_text(values: dict) -> str:
    return "; ".join(f"{k}: {_value_text(k, v)}" for k, v in values.items() if v not in (None, [], (), ""))


def _wrap(text: str, width: int, indent: int) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=" " * indent, subsequent_indent=" " * (indent + 2),
                         break_on_hyphens=False, break_long_words=False)


def format_text(explanation: Explanation, width: int = 100) -> str:
    """The explanation for a terminal: per sentence its mentions, raw facts and final facts, then the rules."""
    a = explanation.article
    head = a.source if a.source != "<text>" else "text"
    meta = ", ".join(x for x in (f"id {a.id}" if a.id else "", f"date {a.date}" if a.date else "") if x)
    lines = [f"{head}{f' ({meta})' if meta else ''}: {explanation.sentence_count} sentence"
             f"{'s' if explanation.sentence_count != 1 else ''}"]
    for s in explanation.sentences:
        lines += ["", f"sentence {s.n} [{s.start}:{s.end}]"]
        lines += textwrap.wrap(_one_line(s.text), width, initial_indent="  ", subsequent_indent="  ",
                               break_on_hyphens=False)
        if s.mentions:
            lines.append("  mentions:")
            w = min(40, max(len(_one_line(m.text)) for m in s.mentions))
            wc = max(len(m.cls) for m in s.mentions)
            wr = max(len(m.rule) for m in s.mentions)
            for m in s.mentions:
                became = m.entity and (m.entity["label"], m.entity["cls"]) != (_one_line(m.text), m.cls)
                tail = f"  -> {m.entity['label']} [{m.entity['cls']}]" if became else ""
                lines.append(f"    {_one_line(m.text):<{w}}  {m.cls:<{wc}}  {m.rule:<{wr}}{tail}".rstrip())
        else:
            lines.append("  mentions: none")
        if s.raw_facts:
            lines.append("  raw facts (rules):")
            for f in s.raw_facts:
                kept = "" if f.kept else f"   -> no {f.rel} fact kept from this sentence"
                lines.append(f"    {f.rel}  {f.rule}  {f.confidence:g}{kept}")
                parts = [f"{role}: {_filler_text(v, s.n)}" for role, v in f.roles.items()]
                parts += [f"{k}: {_value_text(k, v)}" for k, v in f.details.items()]
                lines += _wrap("; ".join(parts), width, 6)
                if f.amended_by:
                    lines.append(f"      amended by: {', '.join(f.amended_by)}")
        else:
            lines.append("  raw facts: none")
        if s.facts:
            lines.append("  facts:")
            for f in s.facts:
                lines.append(f"    {f.kind}  {f.rule}  {f.confidence:g}")
                lines += _wrap(_fields_text(f.fields), width, 6)
        else:
            lines.append("  facts: none")
    if explanation.rules:
        lines += ["", "rules fired:"]
        w = max(len(r.name) for r in explanation.rules)
        wk = max(len(r.kind) for r in explanation.rules)
        for r in explanation.rules:
            counts = ", ".join(f"{n} {what}" for n, what in ((r.raw, "raw"), (r.amended, "amended"),
                                                             (r.final, "final")) if n)
            conf = f"{r.confidence:g}" if r.confidence is not None else "-"
            lines.append(f"  {r.name:<{w}}  {r.kind:<{wk}}  {conf:<4}  {counts}")
    for warning in explanation.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)
