"""The web UI in a real browser: Debian's chromium driven by Playwright against a real server on 127.0.0.1.

Each page must load with no console errors, show the expected events and highlights, and change with its
filters; a screenshot of each page is written under the test's temporary folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from live_server import serving
from sample_store import sample_db

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    db = sample_db(tmp_path_factory.mktemp("web"))
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#app[data-ready='1']", timeout=30_000)


def shot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def count(page) -> int:
    return int(page.inner_text("#count").split()[0])


def test_search_page_lists_events_and_filters_change_them(page, base, tmp_path):
    visit(page, f"{base}/")
    everything = count(page)
    assert everything >= 35
    assert page.locator("#events tbody tr").count() == min(everything, 50)
    assert "Igor Sekreta" in page.inner_text("#events")
    # a target guessed from context (confidence 0.5) is marked; a stated one is not
    assert page.locator("#events td span.muted", has_text="(inferred)").count() >= 1
    assert page.locator("#events td span.muted", has_text="(inferred)").count() < min(everything, 50)
    page.fill("input[name=actor]", "Ціханоўская")
    page.select_option("select[name=plover]", "CONSULT")
    page.click("button[type=submit]")
    page.wait_for_selector("#app[data-ready='1']")
    consult = count(page)
    assert 0 < consult < everything
    rows = page.locator("#events tbody tr")
    assert rows.count() == consult
    assert all("CONSULT" in rows.nth(i).inner_text() for i in range(consult))
    assert "Sviatlana Tsikhanouskaya" in page.inner_text("#events")
    assert "Igor Sekreta" not in page.inner_text("#events")
    visit(page, f"{base}/?since=2026-02-20")
    assert 0 < count(page) < everything and "Geneva" in page.inner_text("#events")
    shot(page, tmp_path, "search")
    assert page.console_errors == []


def test_document_page_highlights_each_event(page, base, tmp_path):
    visit(page, f"{base}/")
    link = page.locator("#events a[href^='/documents/']", has_text="Geneva").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_selector("#app[data-ready='1']")
    assert "Sekreta" in page.inner_text("h1")
    assert "Ministry of Foreign Affairs" in page.inner_text("dl.meta")
    marks = page.locator("#doc-text mark.ev")
    events = page.locator("#events tbody tr").count()
    assert events >= 10 and marks.count() >= events // 2
    anchors = page.evaluate("Array.from(document.querySelectorAll('#doc-text a.anchor')).map(m => m.id)")
    rows = page.evaluate("Array.from(document.querySelectorAll('#events tbody tr')).map(r => 'e-' + r.dataset.id)")
    assert sorted(anchors) == sorted(rows)  # every event's evidence starts at its own anchor
    key = href.split("#e-")[1]
    focused = page.locator("#doc-text mark.focus")
    assert focused.count() >= 1
    assert all(key in focused.nth(i).get_attribute("data-events").split() for i in range(focused.count()))
    title = page.locator("#doc-text mark.ev").first.get_attribute("title")
    assert "Sekreta" in title or "—" in title
    text = page.inner_text("#doc-text")
    assert "Venezuela" in text and "Geneva" in text
    shot(page, tmp_path, "document")
    assert page.console_errors == []


def test_network_node_opens_the_actor_page(page, base, tmp_path):
    visit(page, f"{base}/network")
    nodes = page.evaluate("window.tidingsNetwork.nodes().map(n => n.id())")
    assert {"sviatlana-tsikhanouskaya", "igor-sekreta", "benedetta-berti"} <= set(nodes)
    shot(page, tmp_path, "network")
    visit(page, f"{base}/network?actor={quote('Sekreta')}")
    filtered = page.evaluate("window.tidingsNetwork.nodes().map(n => n.id())")
    assert "igor-sekreta" in filtered and "benedetta-berti" not in filtered and len(filtered) < len(nodes)
    box = page.locator("#network-box").bounding_box()
    pos = page.evaluate("window.tidingsNetwork.$id('igor-sekreta').renderedPosition()")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_url(f"{base}/actors/igor-sekreta")
    page.wait_for_selector("#app[data-ready='1']")
    assert page.inner_text("#actor-name") == "Igor Sekreta"
    assert page.console_errors == []


def test_actor_page_shows_spellings_roles_and_outlets(page, base, tmp_path):
    visit(page, f"{base}/actors/sviatlana-tsikhanouskaya")
    assert page.inner_text("#actor-name") == "Sviatlana Tsikhanouskaya"
    assert "Cichanoŭskaja" in page.inner_text("#spellings")
    body = page.inner_text("#app")
    assert "Pozirk" in body and "BLR.OPP" in body
    assert page.locator("#events tbody tr").count() >= 12
    shot(page, tmp_path, "actor")
    assert page.console_errors == []


def test_timeline_draws_and_follows_the_filters(page, base, tmp_path):
    visit(page, f"{base}/timeline")
    labels = page.evaluate("window.tidingsChart.data.labels")
    kinds = page.evaluate("window.tidingsChart.data.datasets.map(d => d.label)")
    total = page.evaluate("window.tidingsChart.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0)")
    assert "2026-02-14" in labels and "CONSULT" in kinds and total == count(page)
    shot(page, tmp_path, "timeline")
    visit(page, f"{base}/timeline?actor=Sekreta&by=quad&interval=week")
    weekly = page.evaluate("window.tidingsChart.data.labels")
    quads = page.evaluate("window.tidingsChart.data.datasets.map(d => d.label)")
    assert weekly == ["2026-02-23"] and all(q.startswith("quad ") for q in quads)
    assert count(page) < total
    assert page.console_errors == []


def test_compare_page_sets_each_camps_version_side_by_side(page, base, tmp_path):
    visit(page, f"{base}/compare?actor=Belarus")
    camps = page.locator("section.camp").evaluate_all("els => els.map(e => e.dataset.camp)")
    assert sorted(camps) == ["government", "opposition-exile"]
    government = page.locator("section.camp[data-camp='government'] table.events").inner_text()
    assert "ACCUSE" in government
    assert page.console_errors == []  # type: ignore[attr-defined]
    assert shot(page, tmp_path, "compare").stat().st_size > 0
