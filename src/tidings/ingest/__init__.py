"""Ingest: files of articles in, clean ``Document`` records out.

In: paths to ``.txt``, ``.html``/``.htm``, ``.jsonl`` (one article a line: ``text`` or ``html``,
optional ``url``, ``title``, ``outlet``, ``author``, ``published``) and RSS/Atom files (``.xml``,
``.rss``, ``.atom`` or sniffed), or folders of them. Out: an ``IngestReport`` with the documents
(boilerplate removed and kept as metadata; title, outlet, author, dateline, publication date,
distributor, language), the per-file errors, and the duplicates dropped.

Rules: every error is one line naming the file (and the line, for JSONL). A bad JSONL line is
reported and skipped; the good lines of the same file are still read: ``ingest_paths`` lists the
bad line in ``IngestReport.errors``, and ``read_path`` appends it to the ``errors`` list it is
given. Called without that list, ``read_path`` raises the first bad line's error rather than drop
it silently. A file that yields no document at all always raises. Nothing is fetched over the
network: HTML and feeds are parsed from the bytes on disk. A document's id is the
sha256 of its clean text, so reading the same file twice yields the same ids.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import py3langid

from tidings.errors import IngestError
from tidings.ingest.dedup import Deduplicator, Merge
from tidings.ingest.text import Extracted, extract
from tidings.records import Document

__all__ = ["Deduplicator", "IngestReport", "Merge", "document_id", "ingest_paths", "read_path"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass
class IngestReport:
    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source of the copy, kept id)


def document_id(clean_text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", clean_text).encode("utf-8")).hexdigest()


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(str(path), "no such file or directory") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise IngestError(str(path), "empty file")
    if b"\x00" in data[:8192]:
        raise IngestError(str(path), "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(str(path), f"not UTF-8 text (byte {exc.start})") from None


def _language(text: str) -> str | None:
    lang, _ = py3langid.classify(text[:5000])
    return lang


def _document(ex: Extracted, source: str, published: date | None, url: str | None = None,
              language: str | None = None) -> Document:
    if not ex.text.strip():
        raise IngestError(source, "no article text found")
    doc = Document(
        id=document_id(ex.text), text=ex.text, source=source, title=ex.title, outlet=ex.outlet,
        author=ex.author, dateline=ex.dateline, published=ex.published,
        published_inferred=ex.published_inferred, published_origin=ex.published_origin,
        distributor=ex.distributor, distributed_at=ex.distributed_at, language=language or _language(ex.text),
        url=url, disclaimer=ex.disclaimer, boilerplate=ex.boilerplate,
    )
    if published is not None:
        doc.published, doc.published_inferred, doc.published_origin = published, False, "user"
    if doc.outlet:
        doc.carried_by = [doc.outlet]
    return doc


def _from_html(html: str, source: str, meta: dict[str, Any]) -> Extracted:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, url=meta.get("url"))
    if result is None:
        raise IngestError(source, "no article text found in the HTML")
    get = result.get if isinstance(result, dict) else lambda k: getattr(result, k, None)
    # trafilatura puts one paragraph (or heading) a line; make them paragraphs as in plain text,
    # so the header, dateline, byline and teaser rules see the same shapes in every format
    text = re.sub(r"[ \t]*\n\s*", "\n\n", (get("text") or "").strip())
    ex = extract(text, title=meta.get("title") or get("title"),
                 outlet=meta.get("outlet") or get("sitename"))
    ex.author = meta.get("author") or ex.author or get("author")
    found = get("date")
    if ex.published is None and found:
        try:
            ex.published, ex.published_origin = date.fromisoformat(str(found)[:10]), "meta"
        except ValueError:
            pass
    return ex


def _meta_date(value: Any, source: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        raise IngestError(source, f"'published' is not an ISO date: {value!r}") from None


def _read_txt(path: Path, published: date | None) -> list[Document]:
    return [_document(extract(_read_text(path)), str(path), published)]


def _read_html(path: Path, published: date | None) -> list[Document]:
    return [_document(_from_html(_read_text(path), str(path), {}), str(path), published)]


def _read_jsonl(path: Path, published: date | None, errors: list[IngestError]) -> list[Document]:
    docs = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            docs.append(_jsonl_document(line, path, number, published))
        except IngestError as exc:
            errors.append(exc)
    return docs


def _jsonl_document(line: str, path: Path, number: int, published: date | None) -> Document:
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(str(path), f"not valid JSON ({exc.msg})", number) from None
    if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
        raise IngestError(str(path), "no 'text' or 'html' field", number)
    meta = {k: record.get(k) for k in ("url", "title", "outlet", "author")}
    if record.get("html"):
        ex = _from_html(record["html"], where, meta)
    else:
        ex = extract(record["text"], title=meta["title"], outlet=meta["outlet"])
        ex.author = meta["author"] or ex.author
    given = _meta_date(record.get("published"), where)
    if given and not published:
        ex.published, ex.published_inferred, ex.published_origin = given, False, "meta"
    try:
        return _document(ex, where, published, url=meta["url"])
    except IngestError as exc:
        raise IngestError(str(path), exc.problem, number) from None


def _read_feed(path: Path, published: date | None) -> list[Document]:
    import feedparser

    raw = _read_text(path)
    # a stream, never a string: feedparser fetches a string that looks like a URL or opens a path
    feed = feedparser.parse(io.BytesIO(raw.encode("utf-8")))
    if not feed.entries:
        raise IngestError(str(path), "no entries in the feed" if feed.version else "not an RSS or Atom feed")
    outlet = feed.feed.get("title")
    docs = []
    for number, entry in enumerate(feed.entries, 1):
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        meta = {"url": entry.get("link"), "title": entry.get("title"), "outlet": outlet,
                "author": entry.get("author")}
        source = f"{path}#{number}"
        ex = _from_html(f"<html><body><article>{html}</article></body></html>", source, meta)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp and ex.published is None:
            ex.published, ex.published_origin = date(*stamp[:3]), "meta"
        docs.append(_document(ex, source, published, url=meta["url"]))
    return docs


def _is_feed(path: Path) -> bool:
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    try:
        head = path.read_bytes()[:512].lstrip().lower()
    except OSError:
        return False
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)


def read_path(path: Path, published: date | None = None, errors: list[IngestError] | None = None) -> list[Document]:
    """The documents in one file; raises ``IngestError`` when the file yields none.

    Bad JSONL lines go to ``errors`` when it is given; without it the first one is raised.
    """
    path = Path(path)
    if not path.exists():
        raise IngestError(str(path), "no such file or directory")
    suffix = path.suffix.lower()
    line_errors: list[IngestError] = [] if errors is None else errors
    if suffix in JSONL_SUFFIXES:
        docs = _read_jsonl(path, published, line_errors)
        if line_errors and (errors is None or not docs):
            raise line_errors.pop(0 if errors is None else -1)
        return docs
    if suffix in HTML_SUFFIXES:
        return _read_html(path, published)
    if _is_feed(path):
        return _read_feed(path, published)
    return _read_txt(path, published)


def _expand(paths: Sequence[str | Path], errors: list[IngestError]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            errors.append(IngestError(str(path), "no such file or directory"))
    return files


def ingest_paths(
    paths: Sequence[str | Path],
    published: date | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Read every file, collecting per-file errors, and drop duplicates across the batch."""
    report = IngestReport()
    dedup = Deduplicator()
    for path in _expand(paths, report.errors):
        try:
            docs = read_path(path, published, report.errors)
        except IngestError as exc:
            report.errors.append(exc)
            continue
        finally:
            if on_file:
                on_file(path)
        for doc in docs:
            if dedup.add(doc) is not None:
                report.documents.append(doc)
    report.duplicates = [(m.source, m.kept_id) for m in dedup.merges]
    return report
