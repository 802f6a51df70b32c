"""The ``tidings`` command line: a thin layer over ingest, the pipeline, the store and eval.

In: paths, filters and options from the command line. Out: tables, CSV or JSONL on stdout, one-line
errors on stderr, and exit codes (0 ok, 1 bad input or nothing done, 2 usage).
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from tidings.errors import TidingsError
from tidings.records import Event, to_plain

if TYPE_CHECKING:  # the heavy modules load only for the commands that use them
    from tidings.actors.kb import ActorKB
    from tidings.store import Store

__all__ = ["app"]

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Source-aware event coding of political news.")
out = Console(soft_wrap=True)
if not out.is_terminal:
    out = Console(soft_wrap=True, width=180)  # piped or captured: a table as wide as a log line
err = Console(stderr=True, soft_wrap=True)  # one error, one line, whatever the width

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or database URL (postgresql+psycopg://…).")]
ActorsOption = Annotated[
    list[Path] | None, typer.Option("--actors", help="Extra actor YAML file(s) extending the base.")
]


CONFIG_FILE = "tidings.toml"


def _actor_files(given: list[Path] | None) -> tuple[Path, ...]:
    """Actor files from --actors, else from ``actors = [...]`` in ./tidings.toml."""
    if given:
        return tuple(given)
    config = Path(CONFIG_FILE)
    if not config.exists():
        return ()
    import tomllib

    try:
        settings = tomllib.loads(config.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        _fail(f"{config}: not valid TOML ({exc})")
    files = settings.get("actors", [])
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        _fail(f"{config}: 'actors' must be a list of file paths")
    return tuple((config.parent / f) for f in files)


def _print_error(message: str) -> None:
    """One error line; the message (file names included) is printed literally, never as markup."""
    err.print(Text("error: ", style="red") + Text(message), highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    _print_error(message)
    raise typer.Exit(code)


def _parse_date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{name}: expected a date as YYYY-MM-DD, got {value!r}", 2)
    return None


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err, transient=False,
        disable=not err.is_terminal,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt, .html, .jsonl, RSS/Atom.")],
    db: DbOption = "tidings.db",
    published: Annotated[str | None, typer.Option(help="Publication date for every document (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
    workers: Annotated[int, typer.Option(help="Worker processes for coding.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents coded and committed together.")] = 200,
    engine: Annotated[str, typer.Option(help="local (one process or --workers) or spark.")] = "local",
    master: Annotated[str, typer.Option(help="Spark master for --engine spark (local[2], spark://host:7077).")]
    = "local[2]",
    parquet: Annotated[Path | None, typer.Option(help="--engine spark: also write the results as Parquet here.")]
    = None,
) -> None:
    """Read documents, code their events and store them, a batch per transaction (a rerun resumes)."""
    from tidings.errors import IngestError
    from tidings.ingest import iter_files
    from tidings.service import IngestOptions, IngestTotals
    from tidings.service import ingest as run_ingest
    from tidings.store import Store

    if workers < 1:
        _fail(f"--workers: expected 1 or more, got {workers}", 2)
    if batch_size < 1:
        _fail(f"--batch-size: expected 1 or more, got {batch_size}", 2)
    if engine not in ("local", "spark"):
        _fail(f"--engine: expected local or spark, got {engine!r}", 2)
    if parquet is not None and engine != "spark":
        _fail("--parquet: needs --engine spark", 2)
    options = IngestOptions(published=_parse_date(published, "--published"), actor_files=_actor_files(actors),
                            workers=workers, batch_size=batch_size, engine=engine, master=master, parquet=parquet)
    files = sum(1 for f in iter_files(paths) if not isinstance(f, IngestError))

    def on_error(error: IngestError) -> None:
        _print_error(str(error))

    with _progress() as progress:
        task = progress.add_task("reading", total=files, rate="")

        def on_batch(totals: IngestTotals) -> None:
            progress.update(task, rate=f"{totals.new} new, {totals.known + totals.duplicates} known, "
                                       f"{totals.failed} failed")

        totals = run_ingest(paths, lambda: Store(db), options, on_error=on_error, on_batch=on_batch,
                            on_file=lambda _path: progress.advance(task))
    out.print(
        f"ingested {totals.new} new document(s); {totals.known + totals.duplicates} already known or duplicate; "
        + (f"{totals.failed} failed; " if totals.failed else "")
        + "store: " + (", ".join(f"{v} {k}" for k, v in totals.counts.items()) or "not created"),
        highlight=False, markup=False,
    )
    if totals.errors and totals.new + totals.known + totals.duplicates == 0:
        raise typer.Exit(1)  # nothing could be ingested


@app.command()
def events(
    db: DbOption = "tidings.db",
    actor: Annotated[str | None, typer.Option(help="Actor, in any spelling or script.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or prefix (04 = consult).")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only documents from this outlet.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
    actors: ActorsOption = None,
) -> None:
    """List coded events."""
    from tidings.actors.kb import ActorKB
    from tidings.store import Store

    if fmt not in {"table", "csv", "jsonl"}:
        _fail(f"--format: expected table, csv or jsonl, got {fmt!r}", 2)
    store = Store(db, create=False)
    try:
        actor_ids = None
        if actor:
            kb = _kb_with_learned(ActorKB.load(_actor_files(actors)), store)
            actor_ids = [a.id for a in kb.search(actor)]
            if not actor_ids:
                _fail(f"--actor: no actor matches {actor!r}")
        rows = store.events(
            actor_ids=actor_ids, code=code, since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"), outlet=outlet,
        )
    finally:
        store.close()
    _print_events(rows, fmt)


def _kb_with_learned(kb: ActorKB, store: Store) -> ActorKB:
    for stored in store.actors():
        if stored.learned and kb.get(stored.id) is None:
            kb.add(stored)
    return kb


_COLUMNS = ["date", "source_name", "source_code", "cameo", "cameo_name", "plover_type", "target_name",
            "target_code", "location", "flags", "evidence"]


def _flags(e: Event) -> str:
    flags = [name for name in ("negated", "hypothetical") if getattr(e, name)]
    if e.via_id:
        flags.append(f"via {e.via_id}")
    if not e.core:
        flags.append("embedded")
    if e.confidence < 1.0:
        flags.append("target inferred")  # guessed from context, not read from the act's clause
    return ",".join(flags)


def _print_events(rows: list[Event], fmt: str) -> None:
    if fmt == "jsonl":
        for e in rows:
            sys.stdout.write(json.dumps(to_plain(e), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        fields = list(to_plain(rows[0]).keys()) if rows else []
        writer.writerow(fields)
        for e in rows:
            plain = to_plain(e)
            writer.writerow([plain[f] for f in fields])
        return
    table = Table(title=f"{len(rows)} events", show_lines=False)
    for col in ["date", "source", "code", "target", "place", "flags", "evidence"]:
        table.add_column(col, overflow="ellipsis", no_wrap=col != "evidence")
    for e in rows:
        evidence = e.evidence if len(e.evidence) <= 70 else e.evidence[:69] + "…"
        table.add_row(
            e.date.isoformat() if e.date else "", f"{e.source_name} [{e.source_code or ''}]",
            f"{e.cameo} {e.plover_type or ''}",
            f"{e.target_name} [{e.target_code or ''}]" if e.target_id else "", e.location or "", _flags(e),
            evidence,
        )
    out.print(table)


@app.command("actors")
def actors_cmd(
    query: Annotated[str | None, typer.Argument(help="Search by any spelling.")] = None,
    db: DbOption = "tidings.db",
    actors: ActorsOption = None,
) -> None:
    """List actors (known and learned), or search them by any spelling."""
    from tidings.actors.kb import ActorKB
    from tidings.store import Store

    store = Store(db, create=False)
    try:
        kb = _kb_with_learned(ActorKB.load(_actor_files(actors)), store)
        found = kb.search(query) if query else store.actors()
    finally:
        store.close()
    table = Table(title=f"{len(found)} actors")
    for col in ["id", "name", "type", "code", "learned"]:
        table.add_column(col)
    for a in found:
        table.add_row(a.id, a.name, a.type, a.code or "", "yes" if a.learned else "")
    out.print(table)


@app.command("actor")
def actor_cmd(
    name: Annotated[str, typer.Argument(help="Actor name in any spelling or script.")],
    db: DbOption = "tidings.db",
    actors: ActorsOption = None,
) -> None:
    """Show one actor: canonical record, spellings seen, mentions and events by outlet."""
    from tidings.actors.kb import ActorKB
    from tidings.store import Store

    store = Store(db, create=False)
    try:
        kb = _kb_with_learned(ActorKB.load(_actor_files(actors)), store)
        found = kb.search(name)
        if not found:
            _fail(f"no actor matches {name!r}")
        actor = found[0]
        mentions = store.mentions(actor_id=actor.id)
        docs = {d.id: d for d in store.documents()}
        evs = store.events(actor_ids=[actor.id])
    finally:
        store.close()
    out.print(f"[bold]{actor.name}[/bold]  ({actor.id}, {actor.type}, code {actor.code or '-'})")
    if actor.native:
        out.print("native: " + ", ".join(f"{k}: {v}" for k, v in actor.native.items()))
    for role in actor.roles:
        span = f"{role.start or '…'} – {role.end or ''}"
        out.print(f"role: {role.office} ({role.organisation or ''}) {role.code or ''} {span}")
    seen = sorted({m.text for m in mentions if m.kind in {"name", "initial", "surname"}})
    out.print("spellings seen: " + (", ".join(seen) or "-"))
    table = Table(title="by outlet")
    for col in ["outlet", "mentions", "events"]:
        table.add_column(col)
    outlets = sorted({docs[m.doc_id].outlet or "?" for m in mentions} | {docs[e.doc_id].outlet or "?" for e in evs})
    for o in outlets:
        n_m = sum(1 for m in mentions if (docs[m.doc_id].outlet or "?") == o)
        n_e = sum(1 for e in evs if (docs[e.doc_id].outlet or "?") == o)
        table.add_row(o, str(n_m), str(n_e))
    out.print(table)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id, id prefix or source file name.")],
    db: DbOption = "tidings.db",
) -> None:
    """Print a document with its events' evidence highlighted."""
    from tidings.store import Store

    store = Store(db, create=False)
    try:
        document = store.document(doc)
        if document is None:
            _fail(f"no document {doc!r} in {db}")
        evs = store.events(doc_id=document.id)
    finally:
        store.close()
    out.print(f"[bold]{document.title or document.source}[/bold]")
    out.print(f"{document.outlet or '?'} · {document.published or 'date unknown'}"
              f"{' (inferred)' if document.published_inferred else ''} · {document.author or ''}")
    text = Text(document.text)
    for n, e in enumerate(evs, 1):
        text.stylize("bold yellow", e.evidence_start, e.evidence_end)
        text.stylize("underline", e.evidence_start, e.evidence_start + 1)
        del n
    out.print(text)
    out.print()
    for n, e in enumerate(evs, 1):
        target = f" → {e.target_name}" if e.target_id else ""
        out.print(f"[{n}] {e.source_name}{target}: {e.cameo} {e.cameo_name} ({e.plover_type}) "
                  f"{e.date or ''} {e.location or ''} {_flags(e)} «{e.evidence}»", highlight=False)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold: seeds JSONL, the PLOVER GSR JSON, or a development-set folder.")],
    db: DbOption = "tidings.db",
    details: Annotated[bool, typer.Option(help="List every miss and false positive.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    actors: ActorsOption = None,
) -> None:
    """Score coded events against gold annotations."""
    from tidings.cli.evaluation import run_eval

    if not gold.exists():
        _fail(f"{gold}: no such file")
    run_eval(gold, db, details, fmt, _actor_files(actors), out)


from tidings.cli.publish import register as _register_publish  # noqa: E402 (export, serve, watch)

_register_publish(app)


def _register() -> None:
    """Commands kept in their own modules: claims, stories, compare."""
    from tidings.cli.claims import register

    register(app)


_register()


def main() -> None:
    try:
        app()
    except TidingsError as exc:
        _print_error(str(exc))
        sys.exit(1)


if __name__ == "__main__":
    main()
