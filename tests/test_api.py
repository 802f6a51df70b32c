"""The REST API in-process (TestClient) and through a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from live_server import serving
from sample_store import sample_db
from tidings.api import create_app
from tidings.cli.main import app as cli
from tidings.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOKEN = "s3cret-token"
ARTICLE = (
    "Tsikhanouskaya meets Lithuanian foreign minister in Vilnius\n\n"
    "VILNIUS, March 3, 2026 (Pozirk) — Belarusian opposition leader Sviatlana Tsikhanouskaya met "
    "Lithuanian Foreign Minister Kęstutis Budrys in Vilnius on Tuesday. Tsikhanouskaya urged the "
    "European Union to keep its sanctions against the Lukashenka regime.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return sample_db(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(str(db), token=TOKEN)) as c:
        yield c


def cli_events(db: Path, *args: str) -> list[dict]:
    out = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", *args], catch_exceptions=False)
    return [json.loads(line) for line in out.output.splitlines()]


def strip(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in {"id", "outlet", "title"}}


def all_items(client, path: str, **params) -> list[dict]:
    items, offset = [], 0
    while True:
        page = client.get(path, params={**params, "limit": 7, "offset": offset}).json()
        items += page["items"]
        offset += 7
        if offset >= page["total"]:
            return items


def test_events_through_the_api_are_those_of_tidings_events(client, db):
    for filters in ({}, {"actor": "Ціханоўская", "code": "04"}, {"until": "2026-01-31"},
                    {"outlet": "ministry of foreign affairs of the republic of belarus"}, {"since": "2026-02-20"}):
        args = [x for k, v in filters.items() for x in (f"--{k}", v)]
        expected = cli_events(db, *args)
        assert expected, filters
        got = client.get("/api/events", params={**filters, "limit": 1000}).json()
        assert got["total"] == len(expected)
        assert [strip(e) for e in got["items"]] == expected
        assert [strip(e) for e in all_items(client, "/api/events", **filters)] == expected  # pages add up


def test_pagination_and_plover_filters(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    page = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert page["limit"] == 5 and page["offset"] == 5 and page["total"] == everything["total"]
    assert page["items"] == everything["items"][5:10]
    consult = client.get("/api/events", params={"plover": "consult", "limit": 1000}).json()["items"]
    assert consult and all(e["plover_type"] == "CONSULT" for e in consult)
    assert len(consult) < everything["total"]
    quad = client.get("/api/events", params={"quad": 1, "limit": 1000}).json()["items"]
    assert quad and all(e["quad_class"] == 1 for e in quad)
    geneva = client.get("/api/events", params={"topic": "Geneva"}).json()["items"]
    assert geneva and all("geneva" in e["evidence"].lower() or e["location"] == "Geneva" for e in geneva[:3])
    docs = client.get("/api/documents", params={"limit": 1}).json()
    assert docs["total"] == 2 and len(docs["items"]) == 1 and "text" not in docs["items"][0]


@pytest.mark.parametrize("path, params, message", [
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 5000}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"since": "14/02/2026"}, "since: expected a date"),
    ("/api/events", {"since": "2026-03-01", "until": "2026-02-01"}, "after until"),
    ("/api/events", {"plover": "HUG"}, "plover: expected one of"),
    ("/api/events", {"code": "abc"}, "code: expected a CAMEO code"),
    ("/api/events", {"quad": 7}, "quad"),
    ("/api/network", {"by": "colour"}, "by"),
    ("/api/timeline", {"interval": "year"}, "interval"),
    ("/api/export", {"format": "xlsx"}, "format"),
])
def test_bad_parameters_get_422_with_a_json_message(client, path, params, message):
    r = client.get(path, params=params)
    assert r.status_code == 422
    body = r.json()
    assert message in body["error"] and "Traceback" not in r.text


@pytest.mark.parametrize("path", ["/api/documents/0123456789abcdef", "/api/actors/no-such-actor-qqq",
                                  "/api/events?actor=Qqqxyzzy", "/feeds/none.atom"])
def test_unknown_ids_get_404_with_a_json_message(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.json()["error"]


def test_document_carries_text_sentences_mentions_and_event_offsets(client):
    docs = client.get("/api/documents").json()["items"]
    mfa = next(d for d in docs if d["source"].endswith("sekreta-geneva.txt"))
    doc = client.get(f"/api/documents/{mfa['id'][:10]}").json()
    assert doc["id"] == mfa["id"] and doc["outlet"].startswith("Ministry of Foreign Affairs")
    text = doc["text"]
    assert doc["sentences"] and all(text[s["start"]:s["end"]] == s["text"] for s in doc["sentences"])
    assert doc["mentions"] and all(text[m["start"]:m["end"]] == m["text"] for m in doc["mentions"])
    assert doc["events"] and all(text[e["evidence_start"]:e["evidence_end"]] == e["evidence"] for e in doc["events"])
    assert {("igor-sekreta", "VEN")} <= {(e["source_id"], e["target_id"]) for e in doc["events"]}
    by_name = client.get("/api/documents/mfa-belarus-2026-02-23-sekreta-geneva.txt").json()
    assert by_name["id"] == mfa["id"]


def test_actor_any_spelling_network_and_timeline(client):
    actor = client.get("/api/actors/Ціханоўская").json()
    assert actor["id"] == "sviatlana-tsikhanouskaya"
    assert "Cichanoŭskaja" in {s["text"] for s in actor["spellings"]}
    assert {o["outlet"] for o in actor["by_outlet"]} >= {"Pozirk"} and actor["events"] >= 12
    assert any(c["code"] == "BLR.OPP" for c in actor["coded_as"])
    found = client.get("/api/actors", params={"q": "Tikhanovskaya"}).json()["items"]
    assert found[0]["id"] == "sviatlana-tsikhanouskaya"
    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("sviatlana-tsikhanouskaya", "benedetta-berti")
                and e["root"] == "04")
    assert edge["count"] >= 1 and edge["goldstein"] == 1.0
    assert {"sviatlana-tsikhanouskaya", "igor-sekreta"} <= {n["id"] for n in net["nodes"]}
    quad = client.get("/api/network", params={"by": "quad"}).json()
    assert all(e["quad"] in {"1", "2", "3", "4"} for e in quad["edges"])
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    for interval in ("day", "week"):
        tl = client.get("/api/timeline", params={"interval": interval}).json()
        assert sum(p["count"] for p in tl["series"]) + tl["undated"] == total
    weekly = client.get("/api/timeline", params={"interval": "week", "by": "quad"}).json()
    assert {p["period"] for p in weekly["series"]} >= {"2026-02-09", "2026-02-23"}  # the Mondays


def test_export_endpoint_gives_each_format(client):
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    gdelt = client.get("/api/export", params={"format": "gdelt"})
    assert gdelt.status_code == 200 and gdelt.headers["content-type"].startswith("text/tab-separated-values")
    rows = gdelt.text.splitlines()
    assert len(rows) == total and all(len(r.split("\t")) == 61 for r in rows)
    csv = client.get("/api/export", params={"format": "csv", "actor": "Sekreta"})
    assert csv.text.startswith("event_id,doc_id,") and "attachment" in csv.headers["content-disposition"]
    parquet = client.get("/api/export", params={"format": "parquet"})
    assert parquet.content[:4] == b"PAR1"


def counts(db: Path) -> dict[str, int]:
    with Store(str(db), create=False) as store:
        return store.counts()


def test_writes_need_the_token_and_a_bad_token_stores_nothing(client, db):
    before = counts(db)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": "Bearer "}):
        r = client.post("/api/documents?format=text", content=ARTICLE.encode(), headers=headers)
        assert r.status_code == 401 and r.json()["error"] and r.headers["www-authenticate"] == "Bearer"
    assert counts(db) == before
    with TestClient(create_app(str(db))) as read_only:
        r = read_only.post("/api/documents?format=text", content=ARTICLE.encode(),
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403 and "read-only" in r.json()["error"]
    assert counts(db) == before


def test_post_ingests_through_the_ingest_core(client, db):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    bad = client.post("/api/documents", content=b"hello", headers={**auth, "Content-Type": "application/pdf"})
    assert bad.status_code == 422 and "format" in bad.json()["error"]
    empty = client.post("/api/documents?format=text", content=b"  ", headers=auth)
    assert empty.status_code == 422
    r = client.post("/api/documents?format=text&name=budrys.txt", content=ARTICLE.encode(), headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["new"] == 1 and body["errors"] == [] and len(body["ids"]) == 1
    doc = client.get(f"/api/documents/{body['ids'][0]}").json()
    assert doc["source"] == "api:budrys.txt" and doc["published"] == "2026-03-03"
    assert doc["events"], "the posted article's events are coded"
    again = client.post("/api/documents?format=text", content=ARTICLE.encode(), headers=auth)
    assert again.status_code == 200 and again.json()["known"] == 1 and again.json()["new"] == 0
    lines = [json.dumps({"text": "NATO Secretary General Mark Rutte met Polish President Karol Nawrocki in "
                                 "Brussels on Monday to discuss air defence.", "outlet": "Test Wire",
                         "published": "2026-03-02"}), "{not json"]
    jsonl = client.post("/api/documents", content="\n".join(lines).encode(),
                        headers={**auth, "Content-Type": "application/x-ndjson"})
    assert jsonl.status_code == 201 and jsonl.json()["new"] == 1
    assert len(jsonl.json()["errors"]) == 1 and jsonl.json()["errors"][0].startswith("api:upload.jsonl:2")
    junk = client.post("/api/documents?format=html", content=b"<html><body></body></html>", headers=auth)
    assert junk.status_code == 422 and "api:upload.html" in junk.json()["error"]


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/documents", "/api/documents/{ref}", "/api/actors/{ref}", "/api/network",
            "/api/timeline", "/api/export", "/feeds/{name}.atom"} <= set(paths)


def test_a_real_uvicorn_server(tmp_path):
    db = sample_db(tmp_path)
    expected = cli_events(db, "--actor", "Tikhanovskaya")
    with serving(db, token=TOKEN) as base:
        got = httpx.get(f"{base}/api/events", params={"actor": "Tikhanovskaya", "limit": 1000}).json()
        assert [strip(e) for e in got["items"]] == expected
        page = httpx.get(f"{base}/api/events", params={"limit": 3, "offset": 3}).json()
        assert len(page["items"]) == 3
        bad = httpx.get(f"{base}/api/events", params={"since": "yesterday"})
        assert bad.status_code == 422 and "since" in bad.json()["error"]
        before = counts(db)
        denied = httpx.post(f"{base}/api/documents?format=text", content=ARTICLE.encode(),
                            headers={"Authorization": "Bearer nope"})
        assert denied.status_code == 401 and counts(db) == before
        ok = httpx.post(f"{base}/api/documents?format=text", content=ARTICLE.encode(),
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert ok.status_code == 201 and counts(db)["documents"] == before["documents"] + 1
        assert httpx.get(f"{base}/docs").status_code == 200
    with serving(db) as base:  # no token: read-only
        r = httpx.post(f"{base}/api/documents?format=text", content=ARTICLE.encode(),
                       headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403


def test_compare_gives_each_camp_as_tidings_compare_does(client, db):
    response = client.get("/api/compare", params={"actor": "Belarus"})
    assert response.status_code == 200, response.text
    body = response.json()
    args = ["compare", "--actor", "Belarus", "--db", str(db), "--format", "json"]
    assert body == json.loads(CliRunner().invoke(cli, args, catch_exceptions=False).output)
    assert set(body["camps"]) == {"government", "opposition-exile"}
    assert client.get("/api/compare").status_code == 422  # neither actor nor topic
    assert client.get("/api/compare", params={"topic": "no-such-topic"}).status_code == 422
    assert client.get("/api/compare", params={"actor": "Nobody Atall"}).status_code == 404
