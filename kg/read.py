"""Read articles from .txt, .html, .jsonl files and folders of them.

Every problem is reported with the file (and line) and the article skipped,
unless ``strict`` is set, in which case the first problem raises
:class:`~kg.errors.InputError`. One bad article never sinks a batch.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import Errors, InputError
from .ids import article_iri
from .model import Article

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# spaCy's default ``max_length``: a longer text is refused by the parser, so it is skipped before.
MAX_TEXT_CHARS = 1_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")
FIELDS = ("id", "url", "title", "date", "text")
_HEADER = re.compile(r"^(url|title|date|id):[ \t]*(.*)$", re.IGNORECASE)

OnError = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders recursively (sorted, so builds are repeatable)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        elif p.exists():
            yield p
        else:
            raise InputError(Errors.E001.format(path=p))


def read_articles(paths: Iterable[str | Path], *, on_error: OnError | None = None) -> Iterator[Article]:
    """Yield every article under ``paths``; report bad ones to ``on_error``.

    Without ``on_error`` the first bad article raises :class:`InputError`.
    """
    report = on_error or _raise
    for path in iter_files(paths):
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from _read_jsonl(path, report)
            elif suffix in (".html", ".htm"):
                yield from _checked(_read_html(path), report)
            elif suffix == ".txt":
                yield from _checked(_read_txt(path), report)
            else:
                report(InputError(Errors.E005.format(path=path, suffix=suffix)))
        except InputError as e:
            report(e)
        except (OSError, UnicodeDecodeError) as e:
            report(InputError(Errors.E002.format(path=path, reason=e.__class__.__name__ + ": " + str(e))))


def article_from_text(text: str, *, url: str | None = None, title: str | None = None,
                      date: str | None = None, id: str | None = None, source: str = "<text>") -> Article:
    """Make an :class:`Article` from a string (the Python API's entry point)."""
    if not text or not text.strip():
        raise InputError(Errors.E004.format(path=source, line=1))
    check_fields({"text": text, "url": url, "title": title, "date": date, "id": id}, source)
    if date is not None:
        date = _iso_date(date, source, 1)
    return Article(iri=article_iri(url, text), text=text, url=url, title=title, date=date,
                   id=id, source=source)


def check_article(article: Article) -> None:
    """Refuse an article no build can use: a lone surrogate in a field [E011], a text too long [E010].

    ``json.loads`` turns ``"\\ud800"`` into a lone surrogate, which cannot be
    written as UTF-8 anywhere later (hash, RDF, store), so it is caught here,
    with the file and line of the article.
    """
    check_fields({name: getattr(article, name, None) for name in FIELDS}, article.source)
    if len(article.text) > MAX_TEXT_CHARS:
        raise InputError(Errors.E010.format(path=article.source, length=len(article.text),
                                            limit=MAX_TEXT_CHARS))


def check_fields(fields: dict, where: str) -> None:
    """Raise [E011] for the first string field holding a lone surrogate."""
    for name, value in fields.items():
        found = _SURROGATE.search(value) if isinstance(value, str) else None
        if found:
            raise InputError(Errors.E011.format(where=where, field=name, code=ord(found.group()),
                                                pos=found.start()))


def _checked(articles: Iterable[Article], report: OnError) -> Iterator[Article]:
    try:
        for article in articles:
            try:
                check_article(article)
            except InputError as e:
                report(e)
                continue
            yield article
    except InputError as e:
        report(e)


def _read_txt(path: Path) -> Iterator[Article]:
    raw = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    lines = raw.split("\n")
    offset = 0
    for line in lines:
        m = _HEADER.match(line)
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        offset += len(line) + 1
    text = raw[offset:].lstrip("\n") if meta else raw
    if not meta.get("title"):
        first = text.strip().split("\n", 1)[0].strip()
        meta["title"] = first if 0 < len(first) <= 200 else ""
    yield article_from_text(text, url=meta.get("url") or None, title=meta.get("title") or None,
                            date=meta.get("date") or None, id=meta.get("id") or path.stem,
                            source=str(path))


def _read_html(path: Path) -> Iterator[Article]:
    import trafilatura  # heavy; only for HTML input

    html = path.read_text(encoding="utf-8", errors="replace")
    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    url = getattr(meta, "url", None) if meta else None
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    yield article_from_text(text, url=url, title=title, date=date, id=path.stem, source=str(path))


def _read_jsonl(path: Path, report: OnError) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("found " + type(record).__name__)
            except ValueError as e:
                report(InputError(Errors.E003.format(path=path, line=n, reason=e)))
                continue
            try:
                for key in ("id", "url", "title", "date", "text"):
                    if record.get(key) is not None and not isinstance(record[key], str):
                        raise InputError(Errors.E008.format(path=path, line=n, field=key))
                check_fields({key: record.get(key) for key in FIELDS}, where)
                text = record.get("text") or ""
                if not text.strip():
                    raise InputError(Errors.E004.format(path=path, line=n))
                date = _iso_date(record["date"], str(path), n) if record.get("date") else None
                article = Article(iri=article_iri(record.get("url"), text), text=text,
                                  url=record.get("url"), title=record.get("title"), date=date,
                                  id=record.get("id") or f"{path.stem}-{n}", source=where)
                check_article(article)
                yield article
            except InputError as e:
                report(e)


def _iso_date(value: str, path: str, line: int) -> str:
    """Accept ISO dates and datetimes; keep the date part."""
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InputError(Errors.E006.format(path=path, line=line, value=value)) from None
