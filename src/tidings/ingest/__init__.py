"""Ingest: files of articles in, clean ``Document`` records out, streamed one at a time.

In: paths to ``.txt``, ``.html``/``.htm``, ``.jsonl`` (one article a line: ``text`` or ``html``,
optional ``url``, ``title``, ``outlet``, ``author``, ``published``), ``.parquet`` (one article a row,
the same columns) and RSS/Atom files (``.xml``, ``.rss``, ``.atom`` or sniffed), or folders of them.
Out: ``iter_documents`` yields each ``Document`` (boilerplate removed and kept as metadata; title,
outlet, author, dateline, publication date, distributor, language) or the ``IngestError`` of what
could not be read, as it goes, so memory stays flat however many files there are; ``ingest_paths``
collects them into an ``IngestReport`` with near-duplicates dropped.

Rules: every error is one line naming the file (and the line, for JSONL; the row, for Parquet; the
entry, for feeds). A bad
JSONL line or feed entry is reported and skipped; the good ones of the same file are still read:
``ingest_paths`` lists the bad line in ``IngestReport.errors``, and ``read_path`` appends it to the
``errors`` list it is given. Called without that list, ``read_path`` raises the first bad line's
error rather than drop it silently. A file that yields no document at all always raises. Nothing is
fetched over the network: HTML and feeds are parsed from the bytes on disk. A document's id is the
sha256 of its clean text, so reading the same file twice yields the same ids.

Limits (hostile input): only regular files are read (a FIFO, a device or a socket is refused before it
is opened); a text, HTML or feed file over ``MAX_FILE_BYTES`` (64 MB) is refused, as is a JSONL line
over that size (JSONL and Parquet files are streamed and may be of any size); a
clean text over ``MAX_TEXT_CHARS`` (1,000,000 characters, spaCy's limit) is refused with its length,
never cut silently. File names that are not valid UTF-8 are shown with ``\\xNN`` escapes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import py3langid

from tidings.errors import IngestError
from tidings.ingest.dedup import Deduplicator, Merge
from tidings.ingest.text import Extracted, extract
from tidings.records import Document

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "Deduplicator",
    "IngestReport",
    "Merge",
    "display_path",
    "document_id",
    "ingest_paths",
    "iter_documents",
    "iter_files",
    "iter_path",
    "read_path",
]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
PARQUET_SUFFIXES = {".parquet"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | PARQUET_SUFFIXES

MAX_FILE_BYTES = 64 * 1024 * 1024  # a file (or one JSONL line) larger than this is refused
MAX_TEXT_CHARS = 1_000_000  # spaCy's max_length: a longer clean text is refused, never cut silently
_JSONL_STRINGS = ("title", "url", "outlet", "author", "published")
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_DEEP_HTML = 250  # lxml (inside trafilatura) gives up on documents nested deeper than about 255 levels


@dataclass
class IngestReport:
    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source of the copy, kept id)


def document_id(clean_text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", clean_text).encode("utf-8")).hexdigest()


def display_path(path: str | Path) -> str:
    """A path as printable text: bytes of a name that are not UTF-8 become ``\\xNN`` escapes."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _surrogate(text: str) -> str | None:
    """The first unpaired surrogate in ``text`` as ``\\udNNN``, or ``None`` when the text is clean."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"\\u{ord(text[exc.start]):04x}"
    return None


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, for the message; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check_file(path: Path, whole: bool = True) -> int:
    """The size of a regular file; raises ``IngestError`` for anything that must not be opened.

    ``whole``: the file is read at once (text, HTML, feeds), so its size is limited; JSONL and
    Parquet are streamed a record at a time and may be of any size."""
    name = display_path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(name, "no such file or directory") from None
    except OSError as exc:
        raise IngestError(name, f"cannot be read ({exc.strerror})") from None
    kind = _kind_of(info.st_mode)
    if kind is not None:
        raise IngestError(name, f"not a regular file ({kind}); refused")
    if whole and info.st_size > MAX_FILE_BYTES:
        raise IngestError(name, f"file is {info.st_size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit")
    return info.st_size


def _decode(data: bytes, name: str, line: int | None = None) -> str:
    """Bytes as text: UTF-8 (with or without BOM) or UTF-16 (BOM, or the zero bytes of ASCII)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(data) >= 4 and b"\x00" in data[:8192]:
        head = data[:8192]
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
            encoding = "utf-16-le"
        elif even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
            encoding = "utf-16-be"
        else:
            raise IngestError(name, "binary file, not text", line)
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
        raise IngestError(name, f"not {label} text (byte {exc.start})", line) from None
    if not text.lstrip("\ufeff").strip():
        raise IngestError(name, "empty file" if line is None else "empty line", line)
    return text.lstrip("\ufeff")


def _read_text(path: Path) -> str:
    _check_file(path)
    name = display_path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(name, f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(name, f"file is over the {MAX_FILE_BYTES:,}-byte limit")
    if not data.strip() or not data.lstrip(b"\xef\xbb\xbf").strip():
        raise IngestError(name, "empty file")
    return _decode(data, name)


def _language(text: str) -> str | None:
    lang, _ = py3langid.classify(text[:5000])
    return lang


def _document(ex: Extracted, source: str, published: date | None, url: str | None = None,
              language: str | None = None) -> Document:
    if not ex.text.strip():
        raise IngestError(source, "no article text found")
    if len(ex.text) > MAX_TEXT_CHARS:
        raise IngestError(source, f"text is {len(ex.text):,} characters, over the {MAX_TEXT_CHARS:,}-character "
                                  "limit; split the article")
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


class _PlainText(HTMLParser):
    """The text of an HTML page by paragraph, with no depth limit (for pages lxml cannot read)."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
                         "blockquote", "tr"})
    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "nav", "footer", "aside"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.max_depth = 0
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag in self._SKIP:
            self._skipping += 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)

    def text(self) -> str:
        joined = "".join(self.parts)
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", joined) if p.strip())


def _deep_html_text(html: str) -> str | None:
    """The text of a page nested too deeply for lxml; ``None`` for a page of ordinary depth."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser.text() if parser.max_depth > _DEEP_HTML else None


def _from_html(html: str, source: str, meta: dict[str, Any]) -> Extracted:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, url=meta.get("url"))
    if result is None:
        deep = _deep_html_text(html)
        if not deep:
            raise IngestError(source, "no article text found in the HTML")
        ex = extract(deep, title=meta.get("title"), outlet=meta.get("outlet"))
        ex.author = meta.get("author") or ex.author
        return ex
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


def _meta_date(value: Any, source: str, line: int | None = None) -> date | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        raise IngestError(source, f"'published' is not an ISO date: {value!r}", line) from None


def _read_txt(path: Path, published: date | None) -> Iterator[Document]:
    raw = _read_text(path)
    if len(raw) > 2 * MAX_TEXT_CHARS:
        raise IngestError(display_path(path), f"text is {len(raw):,} characters, over the "
                                              f"{MAX_TEXT_CHARS:,}-character limit; split the article")
    yield _document(extract(raw), display_path(path), published)


def _read_html(path: Path, published: date | None) -> Iterator[Document]:
    yield _document(_from_html(_read_text(path), display_path(path), {}), display_path(path), published)


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes | IngestError]]:
    """(line number, bytes) for each line, streamed; a line over the size limit is an error."""
    name = display_path(path)
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise IngestError(name, "UTF-16 JSONL is not read; save the file as UTF-8")
        handle.seek(0)
        number = 0
        while True:
            line = handle.readline(MAX_FILE_BYTES + 1)
            if not line:
                return
            number += 1
            if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield number, IngestError(name, f"line over the {MAX_FILE_BYTES:,}-byte limit", number)
                continue
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            yield number, line


def _read_jsonl(path: Path, published: date | None) -> Iterator[Document | IngestError]:
    size = _check_file(path, whole=False)
    name = display_path(path)
    if size == 0:
        raise IngestError(name, "empty file")
    found = False
    try:
        for number, line in _jsonl_lines(path):
            if isinstance(line, IngestError):
                found = True
                yield line
                continue
            if not line.strip():
                continue
            found = True
            try:
                yield _jsonl_document(line, path, number, published)
            except IngestError as exc:
                yield exc
            except Exception as exc:  # a reader's last resort: the line is reported, the file goes on
                yield IngestError(name, f"cannot be read ({type(exc).__name__}: {exc})", number)
    except OSError as exc:
        raise IngestError(name, f"cannot be read ({exc.strerror})") from None
    if not found:
        raise IngestError(name, "empty file")


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _jsonl_document(raw: bytes, path: Path, number: int, published: date | None) -> Document:
    name = display_path(path)
    if b"\x00" in raw:
        raise IngestError(name, "binary data, not text", number)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(name, f"not UTF-8 text (byte {exc.start} of the line)", number) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(name, f"not valid JSON ({exc.msg})", number) from None
    except RecursionError:
        raise IngestError(name, "not valid JSON (nested too deeply)", number) from None
    if not isinstance(record, dict):
        raise IngestError(name, f"not a JSON object but {_type_name(record)}", number)
    return _record_document(record, path, number, published)


def _record_document(record: dict[str, Any], path: Path, number: int, published: date | None) -> Document:
    """A document from one JSONL line's object or one Parquet row: fields checked, then read."""
    name = display_path(path)
    where = f"{name}:{number}"
    for key in ("text", "html", *_JSONL_STRINGS):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise IngestError(name, f"'{key}' must be a string, not {_type_name(value)}", number)
        bad = _surrogate(value) if isinstance(value, str) else None
        if bad:
            raise IngestError(name, f"'{key}' holds an unpaired surrogate ({bad})", number)
        if isinstance(value, str) and "\x00" in value:
            raise IngestError(name, f"'{key}' holds a NUL character (\\u0000)", number)
    if not (record.get("text") or record.get("html")):
        raise IngestError(name, "no 'text' or 'html' field", number)
    for key in ("text", "html"):
        if len(record.get(key) or "") > 2 * MAX_TEXT_CHARS and key == "text":
            raise IngestError(name, f"text is {len(record[key]):,} characters, over the {MAX_TEXT_CHARS:,}-"
                                    "character limit; split the article", number)
    meta = {k: record.get(k) for k in ("url", "title", "outlet", "author")}
    try:
        if record.get("html"):
            ex = _from_html(record["html"], where, meta)
        else:
            ex = extract(record["text"], title=meta["title"], outlet=meta["outlet"])
            ex.author = meta["author"] or ex.author
        given = _meta_date(record.get("published"), name, number)
        if given and not published:
            ex.published, ex.published_inferred, ex.published_origin = given, False, "meta"
        return _document(ex, where, published, url=meta["url"])
    except IngestError as exc:
        raise IngestError(name, exc.problem, number) from None


def _read_parquet(path: Path, published: date | None) -> Iterator[Document | IngestError]:
    """Rows of a Parquet file (columns as in JSONL), streamed a row group slice at a time."""
    name = display_path(path)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise IngestError(name, "reading Parquet needs pyarrow (pip install pyarrow)") from None
    try:
        source = pq.ParquetFile(path)
        batches = source.iter_batches(batch_size=256)
    except Exception as exc:  # pyarrow raises its own errors for a file that is not Parquet
        raise IngestError(name, f"not a readable Parquet file ({' '.join(str(exc).split())[:200]})") from None
    number = 0
    for batch in batches:
        for row in batch.to_pylist():
            number += 1
            if isinstance(row.get("published"), date):  # a date or timestamp column
                row["published"] = row["published"].isoformat()
            try:
                yield _record_document(row, path, number, published)
            except IngestError as exc:
                yield exc
            except Exception as exc:  # a reader's last resort: the row is reported, the file goes on
                yield IngestError(name, f"cannot be read ({type(exc).__name__}: {exc})", number)
    if number == 0:
        raise IngestError(name, "no rows in the Parquet file")


def _read_feed(path: Path, published: date | None) -> Iterator[Document | IngestError]:
    import feedparser

    raw = _read_text(path)
    name = display_path(path)
    for ref in _CHAR_REF.finditer(raw):
        if 0xD800 <= (int(ref.group(1), 16) if ref.group(1) else int(ref.group(2))) <= 0xDFFF:
            raise IngestError(name, f"the feed holds a reference to an unpaired surrogate ({ref.group()})")
    # a stream, never a string: feedparser fetches a string that looks like a URL or opens a path
    try:
        feed = feedparser.parse(io.BytesIO(raw.encode("utf-8")))
    except Exception as exc:  # feedparser's own parsers raise whatever they meet
        raise IngestError(name, f"not a readable feed ({type(exc).__name__}: {exc})") from None
    if not feed.entries:
        raise IngestError(name, "no entries in the feed" if feed.version else "not an RSS or Atom feed")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        try:
            yield _feed_document(entry, outlet, path, number, published)
        except IngestError as exc:
            yield IngestError(name, f"entry {number}: {exc.problem}")
        except Exception as exc:  # a reader's last resort: the entry is reported, the feed goes on
            yield IngestError(name, f"entry {number}: cannot be read ({type(exc).__name__}: {exc})")


def _feed_document(entry: Any, outlet: str | None, path: Path, number: int, published: date | None) -> Document:
    html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    meta = {"url": entry.get("link"), "title": entry.get("title"), "outlet": outlet, "author": entry.get("author")}
    source = f"{display_path(path)}#{number}"
    for key, value in (("text", html), *meta.items()):
        bad = _surrogate(value) if isinstance(value, str) else None
        if bad:
            raise IngestError(source, f"'{key}' holds an unpaired surrogate ({bad})")
    ex = _from_html(f"<html><body><article>{html}</article></body></html>", source, meta)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp and ex.published is None:
        try:
            ex.published, ex.published_origin = date(*stamp[:3]), "meta"
        except (TypeError, ValueError):
            shown = entry.get("published") or entry.get("updated")
            raise IngestError(source, f"publication date {shown!r} is not a valid date") from None
    return _document(ex, source, published, url=meta["url"])


def _is_feed(path: Path) -> bool:
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)


def iter_path(path: Path, published: date | None = None) -> Iterator[Document | IngestError]:
    """The documents of one file, and the errors of its bad lines or entries, in file order.

    Raises ``IngestError`` when the file itself cannot be read (missing, not a regular file, too
    large, empty, binary, not text, not a feed) or yields no document and no error.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    _check_file(path, whole=suffix not in JSONL_SUFFIXES | PARQUET_SUFFIXES)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, published)
    elif suffix in PARQUET_SUFFIXES:
        yield from _read_parquet(path, published)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(path, published)
    elif _is_feed(path):
        yield from _read_feed(path, published)
    else:
        yield from _read_txt(path, published)


def read_path(path: Path, published: date | None = None, errors: list[IngestError] | None = None) -> list[Document]:
    """The documents in one file; raises ``IngestError`` when the file yields none.

    Bad JSONL lines go to ``errors`` when it is given; without it the first one is raised.
    """
    docs: list[Document] = []
    found: list[IngestError] = []
    for item in iter_path(Path(path), published):
        (found if isinstance(item, IngestError) else docs).append(item)
    if found and (errors is None or not docs):
        if errors is None:
            raise found[0]
        errors.extend(found[:-1])
        raise found[-1]
    if errors is not None:
        errors.extend(found)
    return docs


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path | IngestError]:
    """Every file named or found (sorted, depth first) in the folders named, streamed.

    A folder holding no file of a known kind, and a path that does not exist, are errors.
    """
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            yield IngestError(display_path(path), f"cannot be read ({exc.strerror})")
            continue
        if not is_dir:
            if path.exists() or path.is_symlink():
                yield path
            else:
                yield IngestError(display_path(path), "no such file or directory")
            continue
        found = False
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            for name in sorted(names):
                if Path(name).suffix.lower() in KNOWN_SUFFIXES:
                    found = True
                    yield Path(folder) / name
        if not found:
            yield IngestError(display_path(path), "no .txt, .html, .jsonl, .parquet or feed files in this folder")


def iter_documents(
    paths: Sequence[str | Path],
    published: date | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Document | IngestError]:
    """Every document of every file, or the error of what could not be read, streamed in order."""
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield from iter_path(item, published)
        except IngestError as exc:
            yield exc
        except Exception as exc:  # a reader's last resort: the file is reported, the run goes on
            yield IngestError(display_path(item), f"cannot be read ({type(exc).__name__}: {exc})")
        finally:
            if on_file:
                on_file(item)


def ingest_paths(
    paths: Sequence[str | Path],
    published: date | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Read every file, collecting per-file errors, and drop duplicates across the batch (in memory)."""
    report = IngestReport()
    dedup = Deduplicator()
    for item in iter_documents(paths, published, on_file):
        if isinstance(item, IngestError):
            report.errors.append(item)
        elif dedup.add(item) is not None:
            report.documents.append(item)
    report.duplicates = [(m.source, m.kept_id) for m in dedup.merges]
    return report
