"""tidings compare: the two samples' camps side by side, and a story two camps tell differently."""

import json
from pathlib import Path

from typer.testing import CliRunner

from tidings.cli.main import app

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
GOLD = Path(__file__).parent / "data" / "stories"
runner = CliRunner()


def test_samples_side_by_side(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["compare", "--db", db, "--actor", "Belarus", "--format", "json"])
    assert result.exit_code == 0, result.output
    camps = json.loads(result.output)["camps"]
    assert set(camps) == {"government", "opposition-exile"}
    for view in camps.values():
        assert view["events"] and view["claims"] and view["documents"] == 1
    # the exiled opposition speaks against the war and for Belarus's sovereignty; the ministry on arms control
    assert camps["opposition-exile"]["claims"]["war-ukraine"].get("against", 0) >= 1
    assert "nuclear-arms" in camps["government"]["claims"]
    table = runner.invoke(app, ["compare", "--db", db, "--topic", "borders", "--camps", "government"])
    assert table.exit_code == 0 and "government" in table.output and "opposition-exile" not in table.output
    assert runner.invoke(app, ["compare", "--db", db]).exit_code == 2  # an actor or a topic is needed


def test_a_story_told_differently(tmp_path: Path) -> None:
    rows = {json.loads(x)["doc"]: json.loads(x) for x in (GOLD / "docs.jsonl").read_text("utf-8").splitlines()}
    with (tmp_path / "in.jsonl").open("w", encoding="utf-8") as fh:
        # Kara-Murza's sentence told by a wire (RFE/RL: "has been sentenced", no court named), pro-Kremlin
        # media (Pravda.ru: the Moscow City Court, by name) and an Indian daily (Mint: "a Moscow court")
        for doc in ("d39", "d40", "d41"):
            fh.write(json.dumps({k: rows[doc][k] for k in ("text", "outlet", "published")}) + "\n")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["compare", "--db", db, "--actor", "Kara-Murza", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    # Mint's "opposition politician and Kremlin critic Vladimir Kara-Murza" is Kara-Murza too
    assert set(found["camps"]) == {"wire", "ruling-party-media", "independent"}
    assert not found["only_one_camp"]  # one story, reported by both
    (story,) = found["told_differently"]  # the three reports are one story, each with its own version
    assert set(story["versions"]) == {"wire", "ruling-party-media", "independent"}
