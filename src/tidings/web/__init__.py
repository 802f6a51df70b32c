"""The web UI: pages served at ``/`` by the API's app, drawn in the browser from the JSON API.

In: the FastAPI app (``mount_web``). Out: the pages ``/`` (search: filters and the events table),
``/timeline`` (events per day per PLOVER type or quad class), ``/network`` (the actor network; a
node opens its actor page), ``/compare`` (each camp's events, claims and stories side by side),
``/documents/{id}`` (the text with each event's evidence highlighted) and ``/actors/{id}``; the
script, style sheet and the vendored Chart.js and Cytoscape.js under ``/static`` (no network at run
time: see ``static/vendor/README.md``).
"""

from __future__ import annotations

from html import escape
from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["PAGES", "mount_web", "page_html"]

STATIC = resources.files("tidings.web") / "static"
VENDOR = {
    "chart": "/static/vendor/chart.js-4.6.1/chart.umd.min.js",
    "network": "/static/vendor/cytoscape-3.35.0/cytoscape.min.js",
}
PAGES = {  # page -> (title, vendored libraries it needs)
    "search": ("Search events", ()),
    "timeline": ("Timeline", ("chart",)),
    "network": ("Actor network", ("network",)),
    "document": ("Document", ()),
    "actor": ("Actor", ("chart",)),
    "compare": ("Compare camps", ()),
}


def page_html(page: str, ref: str = "") -> str:
    """The shell of a page: navigation, a ``main`` the script fills in, and the scripts it needs."""
    title, libs = PAGES[page]
    scripts = "".join(f'<script src="{VENDOR[lib]}"></script>' for lib in libs)
    nav = "".join(f'<a href="{href}">{label}</a>' for href, label in
                  (("/", "Search"), ("/timeline", "Timeline"), ("/network", "Network"), ("/compare", "Compare"),
                   ("/docs", "API")))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · tidings</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/style.css">{scripts}<script defer src="/static/app.js"></script></head>
<body><header><a class="brand" href="/">tidings</a><nav>{nav}</nav></header>
<main id="app" data-page="{page}" data-ref="{escape(ref, quote=True)}"><p class="loading">Loading…</p></main>
</body></html>
"""


def mount_web(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app``."""
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def html(page: str, ref: str = "") -> HTMLResponse:
        return HTMLResponse(page_html(page, ref))

    @app.get("/", include_in_schema=False)
    def search_page() -> HTMLResponse:
        return html("search")

    @app.get("/timeline", include_in_schema=False)
    def timeline_page() -> HTMLResponse:
        return html("timeline")

    @app.get("/network", include_in_schema=False)
    def network_page() -> HTMLResponse:
        return html("network")

    @app.get("/compare", include_in_schema=False)
    def compare_page() -> HTMLResponse:
        return html("compare")

    @app.get("/documents/{ref}", include_in_schema=False)
    def document_page(ref: str) -> HTMLResponse:
        return html("document", ref)

    @app.get("/actors/{ref}", include_in_schema=False)
    def actor_page(ref: str) -> HTMLResponse:
        return html("actor", ref)
