"""CLI commands that publish the store: ``tidings export``, ``tidings serve`` and ``tidings watch``.

In: filters and options from the command line. Out: export files, a running API and web server, and
watch definitions saved in the store (with their Atom feed printed by ``watch show``). The work is
done by :mod:`tidings.explore`, :mod:`tidings.export`, :mod:`tidings.watch` and :mod:`tidings.api`;
these functions only parse options and report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or database URL (postgresql+psycopg://…).")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor, in any spelling or script.")]
CodeOpt = Annotated[str | None, typer.Option(help="CAMEO code or prefix (04 = consult).")]
PloverOpt = Annotated[str | None, typer.Option(help="PLOVER type (CONSULT, ACCUSE...).")]
QuadOpt = Annotated[int | None, typer.Option(help="Quad class 1-4.")]
SinceOpt = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]
OutletOpt = Annotated[str | None, typer.Option(help="Only documents from this outlet.")]
CampOpt = Annotated[str | None, typer.Option(help="Only documents from outlets of this camp (state-media...).")]
TopicOpt = Annotated[str | None, typer.Option(help="Words that must all occur in the event's sentence.")]
ActorsOption = Annotated[
    list[Path] | None, typer.Option("--actors", help="Extra actor YAML file(s) extending the base.")
]

watch_app = typer.Typer(no_args_is_help=True, help="Saved searches with an Atom feed each.")


def _fail(message: str, code: int = 1) -> None:
    from tidings.cli.main import _fail as fail

    fail(message, code)


def _explorer(db: str, actors: list[Path] | None, create: bool = False):  # noqa: ANN202 (lazy import)
    from tidings.cli.main import _actor_files
    from tidings.explore import Explorer
    from tidings.store import Store

    return Explorer(Store(db, create=create), _actor_files(actors))


def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, parquet or gdelt.")] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write ('-' or none: stdout).")] = None,
    db: DbOption = "tidings.db",
    actor: ActorOpt = None,
    code: CodeOpt = None,
    plover: PloverOpt = None,
    quad: QuadOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
    camp: CampOpt = None,
    topic: TopicOpt = None,
    actors: ActorsOption = None,
) -> None:
    """Export events (filtered as in `tidings events`) as CSV, JSONL, Parquet or GDELT 2.0 TSV."""
    from tidings.explore import EventFilters, FilterError
    from tidings.export import FORMATS, collect, write_events

    if fmt not in FORMATS:
        _fail(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}", 2)
    try:
        filters = EventFilters.parse(actor=actor, code=code, plover=plover, quad=quad, since=since, until=until,
                                     outlet=outlet, camp=camp, topic=topic)
    except FilterError as exc:
        _fail(f"--{exc}", 2)
    if output is None or str(output) == "-":
        if fmt == "parquet":
            _fail("--format parquet: give a file with -o", 2)
        explorer = _explorer(db, actors)
        try:
            write_events(collect(explorer, filters), fmt, sys.stdout.buffer)
        finally:
            explorer.store.close()
        return
    if not output.parent.is_dir():
        _fail(f"{output}: folder {output.parent} does not exist", 2)
    explorer = _explorer(db, actors)
    try:
        data = collect(explorer, filters)
    finally:
        explorer.store.close()
    partial = output.with_name(output.name + ".partial")
    with open(partial, "wb") as handle:
        write_events(data, fmt, handle)
    partial.replace(output)  # a reader never sees half a file
    typer.echo(f"exported {len(data.events)} event(s) as {fmt} to {output}", err=True)


def serve(
    db: DbOption = "tidings.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    actors: ActorsOption = None,
) -> None:
    """Serve the REST API (/api, docs at /docs), the web UI (/) and watch feeds (/feeds) with uvicorn.

    Writes (POST /api/documents) need `Authorization: Bearer TOKEN`, the token set in TIDINGS_TOKEN or
    as `token = "..."` in ./tidings.toml; with no token the server is read-only."""
    import uvicorn

    from tidings.api import create_app, token_from_config
    from tidings.cli.main import _actor_files

    if not 0 < port < 65536:
        _fail(f"--port: expected 1-65535, got {port}", 2)
    token = token_from_config()
    app = create_app(db, token=token, actor_files=_actor_files(actors))
    mode = "read-write (token set)" if token else "read-only (no TIDINGS_TOKEN)"
    typer.echo(f"tidings serving {db} on http://{host}:{port}/ ({mode}); API docs at /docs", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@watch_app.command("add")
def watch_add(
    name: Annotated[str, typer.Argument(help="Watch name: letters, digits, '-' and '_'.")],
    db: DbOption = "tidings.db",
    actor: ActorOpt = None,
    code: CodeOpt = None,
    plover: PloverOpt = None,
    topic: TopicOpt = None,
    outlet: OutletOpt = None,
    actors: ActorsOption = None,
) -> None:
    """Save a watch (replacing one of the same name); its feed is /feeds/NAME.atom."""
    from tidings.explore import FilterError, NotFound
    from tidings.watch import Watch, save_watch

    explorer = _explorer(db, actors, create=True)
    try:
        watch = Watch.make(name, actor=actor, code=code, plover=plover, topic=topic, outlet=outlet)
        matching = len(explorer.events(watch.filters()))
        save_watch(explorer.store, watch)
    except (FilterError, NotFound, ValueError) as exc:
        _fail(str(exc), 2)
    finally:
        explorer.store.close()
    typer.echo(f"watch {name}: {matching} matching event(s) now; feed at /feeds/{name}.atom")


@watch_app.command("show")
def watch_show(
    name: Annotated[str, typer.Argument(help="Watch name.")],
    db: DbOption = "tidings.db",
    base_url: Annotated[str, typer.Option("--base-url", help="Where the server runs, for links.")] = (
        "http://127.0.0.1:8000"),
    actors: ActorsOption = None,
) -> None:
    """Print a watch's Atom feed (the same document the server gives at /feeds/NAME.atom)."""
    from tidings.watch import atom_feed, load_watch

    explorer = _explorer(db, actors)
    try:
        watch = load_watch(explorer.store, name)
        if watch is None:
            _fail(f"no watch {name!r} in {db} (`tidings watch add {name} ...` makes one)")
        sys.stdout.write(atom_feed(explorer, watch, base_url))
    finally:
        explorer.store.close()


def register(app: typer.Typer) -> None:
    """Add ``export``, ``serve`` and ``watch`` to the ``tidings`` command."""
    app.command("export")(export)
    app.command("serve")(serve)
    app.add_typer(watch_app, name="watch")
