"""``tidings claims``, ``stories`` and ``compare``: what actors claim, one story per real-world event,
and how each camp tells an actor's or a topic's story.

In: filters from the command line and the store. Out: a table, CSV or JSON lines on stdout.
Registered on the ``tidings`` app by ``register`` (called from ``tidings.cli.main``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from tidings.store import Store

__all__ = ["register"]

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or database URL (postgresql+psycopg://…).")]


def register(app: typer.Typer) -> None:
    app.command("claims")(claims_cmd)
    app.command("stories")(stories_cmd)
    app.command("compare")(compare_cmd)


def claims_cmd(
    db: DbOption = "tidings.db",
    actor: Annotated[str | None, typer.Option(help="Speaker or target, in any spelling or script.")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic id (data/topics.yaml): sanctions, borders, ...")] = None,
    camp: Annotated[str | None, typer.Option(help="Outlet camp(s), comma-separated: state-media,opposition-exile")]
    = None,
    stance: Annotated[str | None, typer.Option(help="for, against, neutral or mixed.")] = None,
    since: Annotated[str | None, typer.Option(help="Documents published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Documents published on or before YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor YAML file(s).")] = None,
) -> None:
    """List claims: who says what about which topic, for or against, in which outlet and camp."""
    from tidings.claims.topics import STANCES, TopicBook
    from tidings.cli.main import _fail, _parse_date
    from tidings.store import Store
    from tidings.store.claims import claims as query

    if fmt not in {"table", "csv", "jsonl"}:
        _fail(f"--format: expected table, csv or jsonl, got {fmt!r}", 2)
    if stance is not None and stance not in STANCES:
        _fail(f"--stance: expected one of {', '.join(STANCES)}, got {stance!r}", 2)
    if topic is not None and TopicBook.load().get(topic) is None:
        known = ", ".join(t.id for t in TopicBook.load().topics)
        _fail(f"--topic: no topic {topic!r} (known: {known})", 2)
    store = Store(db, create=False)
    try:
        actor_ids = resolve_actor(store, actor, actors) if actor else None
        rows = query(store, actor_ids=actor_ids, topic=topic, camps=split_camps(camp), stance=stance,
                     since=_parse_date(since, "--since"), until=_parse_date(until, "--until"))
    finally:
        store.close()
    _print(rows, fmt)


def split_camps(value: str | None) -> list[str] | None:
    if not value:
        return None
    from tidings.cli.main import _fail
    from tidings.ingest.outlets import UNCLASSIFIED, OutletBook

    camps = [c.strip() for c in value.split(",") if c.strip()]
    known = set(OutletBook.load().camps) | {UNCLASSIFIED}
    for c in camps:
        if c not in known:
            _fail(f"--camp(s): no camp {c!r} (known: {', '.join(sorted(known))})", 2)
    return camps


def resolve_actor(store: object, name: str, actor_files: list | None) -> list[str]:
    from tidings.actors.kb import ActorKB
    from tidings.cli.main import _actor_files, _fail, _kb_with_learned

    kb = _kb_with_learned(ActorKB.load(_actor_files(actor_files)), store)  # type: ignore[arg-type]
    ids = [a.id for a in kb.search(name)]
    if not ids:
        _fail(f"--actor: no actor matches {name!r}")
    return ids


def _print(rows: list, fmt: str) -> None:
    from tidings.cli.main import out
    from tidings.records import to_plain

    plain = [{**to_plain(r.claim), "outlet": r.outlet, "camp": r.camp,
              "published": r.published.isoformat() if r.published else None} for r in rows]
    if fmt == "jsonl":
        for p in plain:
            sys.stdout.write(json.dumps(p, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        fields = list(plain[0]) if plain else []
        writer.writerow(fields)
        for p in plain:
            writer.writerow([p[f] for f in fields])
        return
    table = Table(title=f"{len(rows)} claims")
    for col in ("date", "outlet [camp]", "speaker", "topic", "stance", "target", "verb", "claim"):
        table.add_column(col, no_wrap=col != "claim", overflow="ellipsis", max_width=30 if col != "claim" else None,
                         min_width=40 if col == "claim" else None)
    for r in rows:
        c = r.claim
        words = c.quote if len(c.quote) <= 90 else c.quote[:89] + "…"
        table.add_row(r.published.isoformat() if r.published else "", escape(f"{r.outlet or '?'} [{r.camp or '?'}]"),
                      escape((c.speaker_id or c.speaker_name or "?") + (f" via {c.via_id}" if c.via_id else "")),
                      c.topic, c.stance, escape(f"{c.target_id or ''} {c.target_stance or ''}".strip()),
                      (c.verb or "") + (" “quoted”" if c.quoted else ""), escape(words))
    out.print(table)


def stories_cmd(
    db: DbOption = "tidings.db",
    actor: Annotated[str | None, typer.Option(help="A report's source or target, in any spelling.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or prefix of a report.")] = None,
    since: Annotated[str | None, typer.Option(help="Stories on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Stories on or before YYYY-MM-DD.")] = None,
    camps: Annotated[str | None, typer.Option(help="Reported by one of these camps, comma-separated.")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", help="At least this many reports.")] = 1,
    story: Annotated[str | None, typer.Option("--id", help="One story: every report in full.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor YAML file(s).")] = None,
) -> None:
    """List story events (one per real-world event) with their reports, outlets and camps."""
    from tidings.cli.main import _fail, _parse_date, out
    from tidings.records import to_plain
    from tidings.store.stories import fuse_pending, stories

    if fmt not in {"table", "jsonl"}:
        _fail(f"--format: expected table or jsonl, got {fmt!r}", 2)
    store = _existing(db)  # a store made before stories gains their tables
    try:
        fuse_pending(store)  # events stored by a tidings that did not fuse yet
        actor_ids = resolve_actor(store, actor, actors) if actor else None
        found = stories(store, actor_ids=actor_ids, code=code, since=_parse_date(since, "--since"),
                        until=_parse_date(until, "--until"), camps=split_camps(camps), min_reports=min_reports,
                        story_ids=[story] if story else None)
    finally:
        store.close()
    if fmt == "jsonl":
        for st in found:
            plain = to_plain(st)
            sys.stdout.write(json.dumps(plain, ensure_ascii=False) + "\n")
        return
    if story:
        _print_story(found, out)
        return
    table = Table(title=f"{len(found)} story events")
    for col in ("story", "date", "type", "sides", "reports", "outlets", "camps", "first report"):
        table.add_column(col, no_wrap=col != "first report", overflow="ellipsis")
    for st in found:
        first = st.reports[0].event if st.reports else None
        text = first.evidence if first else ""
        table.add_row(st.id, st.date.isoformat() if st.date else "", st.family, " / ".join(st.sides),
                      str(len(st.reports)), str(len(st.outlets)), escape(", ".join(st.camps)),
                      escape(text if len(text) <= 70 else text[:69] + "…"))
    out.print(table)


def _print_story(found: list, console: object) -> None:
    from rich.console import Console

    assert isinstance(console, Console)
    if not found:
        console.print("no such story")
        return
    st = found[0]
    console.print(f"[bold]{st.id}[/bold] {st.date or ''} {st.family} {' / '.join(st.sides)} "
                  f"{len(st.reports)} reports, outlets: {escape(', '.join(st.outlets))}")
    for r in st.reports:
        e = r.event
        console.print(escape(f"  {r.outlet or '?'} [{r.camp or '?'}] {e.date or ''} {e.source_name} {e.cameo} "
                             f"{e.target_name or '-'} {e.location or ''} «{e.evidence}»"), highlight=False)


def compare_cmd(
    db: DbOption = "tidings.db",
    actor: Annotated[str | None, typer.Option(help="Compare what is said and done about this actor.")] = None,
    topic: Annotated[str | None, typer.Option(help="Or compare a topic (data/topics.yaml).")] = None,
    since: Annotated[str | None, typer.Option(help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="On or before YYYY-MM-DD.")] = None,
    camps: Annotated[str | None, typer.Option(help="Camps to set side by side, comma-separated.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor YAML file(s).")] = None,
) -> None:
    """Side by side per camp: events by PLOVER type (mean Goldstein), claims by topic and stance, the
    stories only one camp reports, and the stories the camps tell differently."""
    from tidings.claims.topics import TopicBook
    from tidings.cli.main import _fail, _parse_date, out
    from tidings.compare import compare, subject_ids

    if (actor is None) == (topic is None):
        _fail("give --actor NAME or --topic ID (one of them)", 2)
    if fmt not in {"table", "json"}:
        _fail(f"--format: expected table or json, got {fmt!r}", 2)
    if topic is not None and TopicBook.load().get(topic) is None:
        _fail(f"--topic: no topic {topic!r} (known: {', '.join(t.id for t in TopicBook.load().topics)})", 2)
    store = _existing(db)  # a store made before stories gains their tables
    try:
        actor_ids = subject_ids(store, resolve_actor(store, actor, actors)) if actor else None
        result = compare(store, actor_ids=actor_ids, topic=topic, subject=actor or topic or "",
                         since=_parse_date(since, "--since"), until=_parse_date(until, "--until"),
                         camps=split_camps(camps))
    finally:
        store.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    _print_comparison(result, out)


def _print_comparison(result: object, console: object) -> None:
    from rich.console import Console

    from tidings.compare import Comparison

    assert isinstance(result, Comparison) and isinstance(console, Console)
    if not result.camps:
        console.print(escape(f"nothing about {result.subject} in this store"))
        return
    table = Table(title=escape(f"{result.subject}: side by side per camp"), show_lines=True)
    table.add_column("")
    for view in result.camps:
        table.add_column(escape(f"{view.camp} ({view.documents} docs)"))
    table.add_row("events (PLOVER: n, mean Goldstein)", *[
        "\n".join(f"{k}: {n}, {v.goldstein.get(k, 0):+.1f}" for k, n in list(v.events.items())[:8]) or "-"
        for v in result.camps])
    table.add_row("claims (topic: for/against/neutral/mixed)", *[
        "\n".join(f"{topic}: " + "/".join(str(s.get(x, 0)) for x in ("for", "against", "neutral", "mixed"))
                  for topic, s in sorted(v.claims.items(), key=lambda kv: -sum(kv[1].values()))[:8]) or "-"
        for v in result.camps])
    table.add_row("stories only this camp reports", *[
        str(len(result.only_one_camp.get(v.camp, []))) for v in result.camps])
    console.print(table)
    if result.told_differently:
        diff = Table(title="stories the camps tell differently")
        diff.add_column("story")
        diff.add_column("date")
        diff.add_column("versions by camp")
        for d in result.told_differently:
            diff.add_row(d.story, d.date.isoformat() if d.date else "", escape(
                "; ".join(f"{camp}: {' | '.join(vs)}" for camp, vs in d.versions.items())))
        console.print(diff)


def _existing(db: str) -> Store:
    """An existing store, brought up to the current schema (story tables, new columns): the read
    commands never create a database, but one made by an older tidings needs the tables to fuse into."""
    from tidings.store import Store

    Store(db, create=False).close()  # no such database: the one-line error of the read commands
    return Store(db)
