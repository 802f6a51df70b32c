"""Watch feeds: saved by the CLI, served as Atom at /feeds/NAME.atom, read back by feedparser."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sample_store import sample_db
from tidings.api import create_app
from tidings.cli.main import app as cli
from tidings.explore import EventFilters, Explorer, event_key
from tidings.store import Store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    db = sample_db(tmp_path_factory.mktemp("watch"))
    for args in (["tik-consult", "--actor", "Ціханоўская", "--code", "04"],
                 ["geneva", "--topic", "Geneva", "--outlet", "ministry of foreign affairs of the republic of belarus"],
                 ["quiet", "--actor", "Zelensky", "--code", "19"]):
        result = runner.invoke(cli, ["watch", "add", *args, "--db", str(db)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert f"feed at /feeds/{args[0]}.atom" in result.output
    return db


def expected(db: Path, **filters: str) -> list[str]:
    with Store(str(db), create=False) as store:
        return [event_key(e) for e in Explorer(store).events(EventFilters.parse(**filters))]


def test_feed_validates_and_lists_the_matching_events(db):
    with TestClient(create_app(str(db))) as client:
        r = client.get("/feeds/tik-consult.atom")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(r.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert "tik-consult" in feed.feed.title
    keys = expected(db, actor="Ціханоўская", code="04")
    assert keys and sorted(e.id.rsplit(":", 1)[1] for e in feed.entries) == sorted(keys)
    for entry in feed.entries:
        key = entry.id.rsplit(":", 1)[1]
        assert entry.link.startswith("http://testserver/documents/") and entry.link.endswith(f"#e-{key}")
        assert entry.author and entry.summary and entry.updated_parsed
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_topic_and_plover_watch_and_an_empty_one(db):
    with TestClient(create_app(str(db))) as client:
        geneva = feedparser.parse(client.get("/feeds/geneva.atom").content)
        quiet = feedparser.parse(client.get("/feeds/quiet.atom").content)
        listed = client.get("/api/watches").json()
    keys = expected(db, topic="Geneva", outlet="ministry of foreign affairs of the republic of belarus")
    assert keys and len(geneva.entries) == len(keys) and not geneva.bozo
    assert quiet.entries == [] and not quiet.bozo and quiet.feed.title
    assert {w["name"] for w in listed} == {"tik-consult", "geneva", "quiet"}


def test_watch_show_prints_the_same_feed(db):
    result = runner.invoke(cli, ["watch", "show", "tik-consult", "--db", str(db), "--base-url", "http://x.test"])
    assert result.exit_code == 0
    feed = feedparser.parse(result.output)
    assert not feed.bozo and len(feed.entries) == len(expected(db, actor="Ціханоўская", code="04"))
    assert all(e.link.startswith("http://x.test/documents/") for e in feed.entries)


def test_watch_add_replaces_and_refuses_bad_input(db):
    result = runner.invoke(cli, ["watch", "add", "quiet", "--code", "05", "--db", str(db)])
    assert result.exit_code == 0
    with TestClient(create_app(str(db))) as client:
        assert client.get("/api/watches").json()[-1]["filters"] == {"code": "05"} or any(
            w["filters"] == {"code": "05"} for w in client.get("/api/watches").json())
    for args, message in [(["bad name!", "--code", "04"], "watch name"), (["empty"], "at least one"),
                          (["x", "--plover", "HUG"], "plover"), (["y", "--actor", "Qqqxyzzy"], "no actor")]:
        result = runner.invoke(cli, ["watch", "add", *args, "--db", str(db)])
        assert result.exit_code == 2 and message in result.output, (args, result.output)
    result = runner.invoke(cli, ["watch", "show", "nope", "--db", str(db)])
    assert result.exit_code == 1 and "no watch 'nope'" in result.output
