import json

import pytest

from kg.errors import InputError
from kg.read import read_articles


def test_read_txt_headers(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("url: http://example.org/a\ntitle: Qingdao, Hong Kong to deepen cooperation\ndate: 2024-05-30\n\n"
                 "Qingdao in Shandong province will deepen cooperation with Hong Kong.\n", encoding="utf-8")
    [a] = read_articles([f])
    assert a.url == "http://example.org/a" and a.date == "2024-05-30"
    assert a.text.startswith("Qingdao in Shandong province")


def test_read_iri_stable_and_from_url(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("url: http://example.org/a\n\nSome text.", encoding="utf-8")
    assert next(read_articles([f])).iri == next(read_articles([f])).iri


def test_read_jsonl_reports_bad_lines_and_keeps_going(tmp_path):
    f = tmp_path / "docs.jsonl"
    good = {"id": "x", "url": "http://e.org/x", "title": "T", "date": "2024-05-30", "text": "Qingdao signs deals."}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "text": ""}) + "\n"
                 + json.dumps({**good, "date": "30 May"}) + "\n", encoding="utf-8")
    errors = []
    articles = list(read_articles([f], on_error=errors.append))
    assert [a.id for a in articles] == ["x"]
    assert [str(e).split(" ")[0] for e in errors] == ["[E003]", "[E004]", "[E006]"]
    assert f"{f}:2" in str(errors[0]) and f"{f}:3" in str(errors[1])


def test_read_strict_raises_with_file_and_line(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"docs.jsonl:1"):
        list(read_articles([f]))


def test_read_folders_recursively_and_html(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Hong Kong has invested in 6,444 projects in Qingdao.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Deal</title></head><body><nav>Menu</nav><article><p>"
        + "Qingdao signed a total of 16 project agreements with a planned total investment of $1.66 billion. " * 3
        + "</p></article></body></html>", encoding="utf-8")
    articles = list(read_articles([tmp_path]))
    assert len(articles) == 2
    html = next(a for a in articles if a.source.endswith("c.html"))
    assert "16 project agreements" in html.text and "<p>" not in html.text


def test_read_missing_path():
    with pytest.raises(InputError, match=r"\[E001\]"):
        list(read_articles(["/nonexistent/x.txt"]))


@pytest.mark.parametrize("field", ["text", "title", "url", "id"])
def test_read_jsonl_lone_surrogate_is_reported_with_file_and_line(tmp_path, field):
    f = tmp_path / "docs.jsonl"
    good = {"id": "x", "url": "http://e.org/x", "title": "T", "text": "Qingdao signs deals."}
    bad = json.dumps({**good, field: good[field] + "\ud800"})  # json writes the escape \ud800
    assert "\\ud800" in bad
    f.write_text(json.dumps(good) + "\n" + bad + "\n", encoding="utf-8")
    errors = []
    articles = list(read_articles([f], on_error=errors.append))
    assert len(articles) == 1
    assert [str(e) for e in errors] == [
        f"[E011] {f}:2: field '{field}' holds a lone surrogate (U+D800) at character {len(good[field])}, "
        "which is no Unicode text; the article is skipped. Fix the file's encoding."]


def test_read_text_over_the_parser_limit_is_skipped_with_a_coded_warning(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("Qingdao signs deals. " * 50_000, encoding="utf-8")  # 1,050,000 characters
    errors = []
    assert list(read_articles([f, tmp_path], on_error=errors.append)) == []
    assert str(errors[0]).startswith(f"[E010] {f}: the article has 1,050,000 characters, more than the 1,000,000")
