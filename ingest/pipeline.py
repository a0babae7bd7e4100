"""Incremental ingest: files in, chunks embedded into the index; unchanged files cost nothing.

Content-hashed per file: an unchanged file is skipped, a changed file replaces
its chunks, a removed file's chunks go. A file that fails is reported and, if
an earlier version was ingested, that version stays. The chunk list and state
are swapped in atomically before stale vectors are deleted, so a crash at any
point leaves the previous index usable.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from board.errors import BoardQAError, IngestError
from board.profile import PROFILE_NAME, BoardProfile
from board.records import Chunk, Document, Section
from board.text import embedding_text
from ingest.chunking import chunk_document
from ingest.loaders import load_lines
from ingest.metadata import MANIFEST_NAME, describe, load_manifest
from ingest.ocr import PageOcr, Tesseract
from ingest.segment import segment
from retrieval.embedder import Embedder
from retrieval.index import FileState, IndexState, read_chunks, read_state, write_index_files
from retrieval.vectorstore import VectorStore

log = logging.getLogger(__name__)
CHUNKER_VERSION = "9"
OCR_CACHE = "ocr"  # folder in the index: what OCR read of each page image
Progress = Callable[[int, int, str], None]
Parsed = tuple[Document, list[Section]]
# Rebuilds a derived store (metric tables, the register) from every parsed paper; returns a summary.
DerivedBuilder = Callable[[Sequence[Parsed], Sequence[Chunk], Path], str]  # read under the profile


@dataclass(frozen=True)
class DerivedStore:
    """A store built at ingest from the parsed papers, kept in one file of the index folder."""

    name: str
    filename: str
    build: DerivedBuilder
    version: str = ""  # changes when the code that builds it changes: the store is rebuilt


def code_fingerprint(*modules: str) -> str:
    """A hash of the modules' source and of every project module they import, transitively.

    A derived store follows the code that extracts it and nothing else: editing how a
    question is answered from the tables does not force the tables to be re-extracted."""
    project = {m.split(".")[0] for m in modules} | {"board", "ingest"}
    digest = hashlib.sha256()
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        source = Path(spec.origin).read_bytes()
        digest.update(name.encode() + b"\0" + source)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            todo.extend(n for n in names if n.split(".")[0] in project and _is_module(n))
    return digest.hexdigest()[:16]


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@dataclass
class IngestReport:
    """What an ingest run did."""

    files: int = 0
    pages: int = 0
    lines: int = 0
    chunks: int = 0
    embedded: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: float = 0.0
    failures: list[IngestError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        text = (
            f"{self.files} files, {self.pages} pages, {self.lines} lines, {self.chunks} chunks "
            f"in {self.seconds:.1f} s ({self.embedded} embedded, {self.unchanged} unchanged, "
            f"{self.removed} removed, {len(self.failures)} failed)"
        )
        return "; ".join([text, *self.notes])


def discover(paths: Sequence[Path]) -> list[Path]:
    """Files to ingest: the given files, and every file under the given folders (not the manifest)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.name not in (MANIFEST_NAME, PROFILE_NAME)
                and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found


def parse_file(
    path: Path,
    manifest_entry: dict | None,  # type: ignore[type-arg]
    count_tokens: Callable[[str], int],
    max_tokens: int,
    profile: BoardProfile,
    ocr: PageOcr | None = None,
) -> tuple[FileState, list[Chunk], list[Section], int]:
    """Load, describe, segment (under the board's ``profile``) and chunk one file. Raises
    IngestError."""
    if not path.exists():
        raise IngestError(path.name, "no such file")
    data = path.read_bytes()
    lines = load_lines(path, data, ocr=ocr)
    doc = describe(path.name, data, lines, manifest_entry, profile)
    sections = segment(doc, lines, profile)
    chunks = chunk_document(doc, sections, count_tokens, max_tokens)
    if not chunks:
        raise IngestError(path.name, "no text could be extracted")
    pages = len({ln.page for ln in lines if ln.page is not None})
    state = FileState(doc, [c.id for c in chunks], pages, str(path.resolve()))
    return state, chunks, sections, len(lines) if not pages else 0


def ingest(
    paths: Sequence[Path],
    index: Path,
    embedder: Embedder,
    store: VectorStore,
    *,
    profile: BoardProfile,
    corpus: Path | None = None,
    derived: Sequence[DerivedStore] = (),
    progress: Progress | None = None,
    ocr: PageOcr | None = None,
) -> IngestReport:
    """Bring the index in line with ``paths``; see the module docstring for the guarantees.

    Scanned PDF pages are read by ``ocr`` (default: Tesseract when installed, its readings
    cached in the index folder so an unchanged scan is read once)."""
    started = time.perf_counter()
    ocr = ocr or Tesseract(cache=index / OCR_CACHE)
    # Papers are segmented under the board's profile: another profile reads them afresh.
    chunker = CHUNKER_VERSION + (f"+{profile.fingerprint}" if profile.fingerprint else "")
    run = _Run.starting(index, (embedder.name, f"{chunker}/{embedder.max_tokens}"), profile)
    files = discover(paths)
    for i, path in enumerate(files):
        if progress:
            progress(i, len(files), f"reading {path.name}")
        run.read(path, embedder, ocr)
    if corpus is not None or not paths:
        run.drop_missing({p.name for p in files})  # files that left the corpus go
    else:
        run.keep_unlisted()  # files added one by one: the others stay as they were
    all_chunks = [c for name in sorted(run.chunks_by_file) for c in run.chunks_by_file[name]]
    report = run.report
    report.files = len(run.state.files)
    report.chunks = len(all_chunks)
    # On a rebuild everything is embedded again, but old vectors stay until the swap below.
    stored = set() if run.rebuild else store.ids()
    to_embed = [c for c in all_chunks if c.id not in stored]
    _embed(to_embed, embedder, store, progress)
    report.embedded = len(to_embed)
    stale = run.stale(derived, bool(to_embed))
    run.build(derived, stale, all_chunks, ocr)
    if run.changed or to_embed or stale or not (index / "state.json").exists():
        write_index_files(index, all_chunks, run.state)
        keep = {c.id for c in all_chunks}
        store.delete(sorted(i for i in store.ids() if i not in keep))
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Run:
    """One ingest run: the index as it was, the state being built, and what changed."""

    index: Path
    previous: IndexState
    old_chunks: dict[str, Chunk]
    rebuild: bool
    state: IndexState
    profile: BoardProfile
    report: IngestReport = field(default_factory=IngestReport)
    manifests: dict[Path, dict] = field(default_factory=dict)  # type: ignore[type-arg]
    chunks_by_file: dict[str, list[Chunk]] = field(default_factory=dict)
    parsed: list[Parsed] = field(default_factory=list)
    changed: bool = False
    now: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @classmethod
    def starting(cls, index: Path, fingerprint: tuple[str, str], profile: BoardProfile) -> _Run:
        """A run over the index as it was; rebuilt whole when the embedder or chunker changed
        or the chunk list is missing or damaged."""
        previous = read_state(index)
        rebuild = (previous.embedder, previous.chunker) != fingerprint
        old_chunks: dict[str, Chunk] = {}
        if not rebuild:
            try:
                old_chunks = {c.id: c for c in read_chunks(index)}
            except Exception:  # a missing or damaged chunk list: rebuild from scratch
                rebuild = True
        if rebuild:
            previous = IndexState()
        state = IndexState(*fingerprint)
        return cls(index, previous, old_chunks, rebuild, state, profile, changed=rebuild)

    def _manifest(self, folder: Path) -> dict:  # type: ignore[type-arg]
        if folder not in self.manifests:
            try:
                self.manifests[folder] = load_manifest(folder)
            except BoardQAError as exc:
                self.report.failures.append(IngestError(MANIFEST_NAME, str(exc)))
                self.manifests[folder] = {}
        return self.manifests[folder]

    def read(self, path: Path, embedder: Embedder, ocr: PageOcr) -> None:
        """One file parsed and chunked; a file that fails keeps what was ingested of it before."""
        old = self.previous.files.get(path.name)
        try:
            file_state, chunks, sections, n_lines = parse_file(
                path,
                self._manifest(path.parent).get(path.name),
                embedder.count_tokens,
                embedder.max_tokens,
                self.profile,
                ocr,
            )
        except IngestError as exc:
            self.report.failures.append(exc)
            if old is not None:
                self._keep(path.name, old)
            return
        except OSError as exc:
            self.report.failures.append(
                IngestError(path.name, f"cannot read file ({exc.strerror})")
            )
            return
        # The document record carries the file's sha256: same record, same chunks, nothing to do.
        if (
            old is not None
            and old.document == file_state.document
            and old.chunk_ids == file_state.chunk_ids
        ):
            self.report.unchanged += 1
            file_state.ingested = old.ingested or self.now
        else:
            self.changed = True
            file_state.ingested = self.now
        self.state.files[path.name] = file_state
        self.chunks_by_file[path.name] = chunks
        self.parsed.append((file_state.document, sections))
        self.report.pages += file_state.pages
        self.report.lines += n_lines

    def _keep(self, name: str, old: FileState) -> None:
        self.state.files[name] = old
        self.chunks_by_file[name] = [
            self.old_chunks[c] for c in old.chunk_ids if c in self.old_chunks
        ]

    def drop_missing(self, scanned: set[str]) -> None:
        for name in self.previous.files:
            if name not in scanned:
                self.report.removed += 1
                self.changed = True

    def keep_unlisted(self) -> None:
        for name, old in self.previous.files.items():
            if name not in self.state.files:
                self._keep(name, old)

    def stale(self, derived: Sequence[DerivedStore], embedded: bool) -> list[DerivedStore]:
        """The derived stores to rebuild: all when anything changed, else those missing or
        built by other code or another profile."""
        return [
            d
            for d in derived
            if self.changed
            or embedded
            or not (self.index / d.filename).exists()
            or self.previous.derived.get(d.name) != d.version
        ]

    def build(
        self,
        derived: Sequence[DerivedStore],
        stale: Sequence[DerivedStore],
        all_chunks: Sequence[Chunk],
        ocr: PageOcr,
    ) -> None:
        """Rebuild the stale derived stores from every indexed paper; one that fails is
        reported and costs nothing else."""
        parsed = _complete(self.parsed, self.state, ocr, self.profile) if stale else self.parsed
        self.state.derived = {d.name: self.previous.derived.get(d.name, "") for d in derived}
        self.index.mkdir(parents=True, exist_ok=True)
        for store_ in stale:
            try:
                self.report.notes.append(store_.build(parsed, all_chunks, self.index))
                self.state.derived[store_.name] = store_.version
            except Exception as exc:  # a derived store must not cost the passages
                log.exception("building the %s failed", store_.name)
                self.report.failures.append(
                    IngestError(f"({store_.name})", f"{type(exc).__name__}: {exc}")
                )


def _complete(
    parsed: list[Parsed], state: IndexState, ocr: PageOcr, profile: BoardProfile
) -> list[Parsed]:
    """Every indexed paper's sections: derived stores are rebuilt whole, not from this run's files only."""
    have = {doc.source for doc, _ in parsed}
    complete = list(parsed)
    for name, file_state in sorted(state.files.items()):
        if name in have or not file_state.path:
            continue
        try:
            lines = load_lines(Path(file_state.path), ocr=ocr)
        except (IngestError, OSError):
            continue  # its passages stay; its derived records go until it reads again
        complete.append((file_state.document, segment(file_state.document, lines, profile)))
    return complete


def _embed(
    chunks: Sequence[Chunk], embedder: Embedder, store: VectorStore, progress: Progress | None
) -> None:
    batch = 256  # the model sorts each call's texts by length; bigger calls pad less
    for start in range(0, len(chunks), batch):
        part = chunks[start : start + batch]
        if progress:
            progress(start, len(chunks), f"embedding {len(chunks)} passages")
        vectors = embedder.embed([embedding_text(c) for c in part], "passage")
        store.add(
            [c.id for c in part],
            vectors,
            [
                {"source": c.source, "meeting_date": c.meeting_date, "paper_type": c.paper_type}
                for c in part
            ],
        )
    if progress and chunks:
        progress(len(chunks), len(chunks), "embedded")
