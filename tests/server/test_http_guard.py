"""DNS rebinding, cross-site writes and response headers, against a real server on 127.0.0.1."""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from test_serve import running, seed_graph

from kg.server.http_guard import CSP, HostPolicy
from kg.server.serve import create_app

INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/x> <http://example.org/p> 1 } }"
UPDATE = {"Content-Type": "application/sparql-update"}


@pytest.fixture(scope="module")
def site(seed_text) -> Iterator[str]:
    app = create_app(seed_graph(seed_text), allow_update=True, allowed_hosts=["kg.example.org"],
                     explorer_html=lambda g: "<html><body>explorer</body></html>")
    with running(app) as url:
        yield url


@pytest.mark.parametrize("path", ["/health", "/", "/query", "/sparql?query=ASK%7B%7D"])
def test_http_guard_rebound_host_refused(site, path):
    r = httpx.get(site + path, headers={"Host": "evil.example:8000"})
    assert r.status_code == 400 and r.text.startswith("[E092] Host 'evil.example:8000' is not served here")


def test_http_guard_rebound_page_cannot_update(site):
    """A page on a rebound name: its Host and its Origin are that name; neither gets through."""
    headers = {**UPDATE, "Host": "evil.example:8000", "Origin": "http://evil.example:8000"}
    assert httpx.post(site + "/sparql", content=INSERT, headers=headers).status_code == 400
    port = site.rsplit(":", 1)[1]
    headers = {**UPDATE, "Origin": f"http://evil.example:{port}"}
    r = httpx.post(site + "/sparql", content=INSERT, headers=headers)
    assert r.status_code == 403 and r.text.startswith("[E074]")
    assert "access-control-allow-origin" not in r.headers


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "kg.example.org", "KG.example.org:443"])
def test_http_guard_known_hosts_served(site, host):
    assert httpx.get(site + "/health", headers={"Host": host}).status_code == 200


def test_http_guard_same_origin_update_allowed(site):
    port = site.rsplit(":", 1)[1]
    r = httpx.post(site + "/sparql", content=INSERT, headers={**UPDATE, "Origin": f"http://localhost:{port}"})
    assert r.status_code == 204
    assert "access-control-allow-origin" not in r.headers
    assert httpx.post(site + "/sparql", content=INSERT, headers={**UPDATE, "Origin": "null"}).status_code == 403


@pytest.mark.parametrize("path", ["/", "/query", "/health", "/sparql?query=ASK%7B%7D", "/entity/none",
                                  "/sparql?query=nonsense"])
def test_http_guard_security_headers(site, path):
    r = httpx.get(site + path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "connect-src 'self'" in CSP


def test_http_guard_cors_for_reads_only(site):
    r = httpx.get(site + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://other.example"})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    pre = httpx.options(site + "/sparql", headers={"Origin": "https://other.example",
                                                   "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 204 and "POST" in pre.headers["access-control-allow-methods"]
    r = httpx.post(site + "/sparql", content=INSERT, headers={**UPDATE, "Origin": "https://other.example"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers


@pytest.mark.parametrize("host,allowed,header,ok", [
    ("127.0.0.1", (), "127.0.0.1:8000", True),
    ("127.0.0.1", (), "[::1]:8000", True),
    ("127.0.0.1", (), "attacker.example", False),
    ("127.0.0.1", (), "", False),
    ("kg.internal", (), "kg.internal:8000", True),
    ("kg.internal", (), "localhost:8000", False),
    ("0.0.0.0", (), "192.168.1.20:8000", True),
    ("0.0.0.0", (), "rebound.example:8000", False),
    ("0.0.0.0", ("kg.example.org",), "kg.example.org", True),
])
def test_http_guard_host_policy(host, allowed, header, ok):
    assert HostPolicy(host, allowed).allows(header) is ok


def test_http_guard_explorer_runs_under_the_csp(seed_text, tmp_path):
    """The real explorer page, served with the CSP, draws in headless Chromium with no CSP violation."""
    from pathlib import Path

    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        pytest.skip("needs /usr/bin/chromium and /usr/bin/chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={tmp_path}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        with running(create_app(seed_graph(seed_text))) as base:
            driver.get(base + "/")
            WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!(window.nkg && nkg.stable)"))
            driver.get(base + "/query")
            log = [e["message"] for e in driver.get_log("browser")]
    finally:
        driver.quit()
    assert not [m for m in log if "Content Security Policy" in m], log
