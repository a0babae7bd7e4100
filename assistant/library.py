"""The corpus folder as a user manages it: the papers in the index, adding and removing files.

Adding copies uploads into the corpus folder under a safe name (no folders, no
hidden files, no overwrite unless asked); removing deletes one file by its name.
Either is followed by an ingest, which keeps everything else already indexed.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from board.errors import BoardQAError, IngestError
from board.profile import BoardProfile
from ingest.loaders import LOADERS
from retrieval.index import read_state
from tools.register import Register
from tools.register.store import register_path
from tools.tables.store import STORE_NAME, TableStore

SUPPORTED = tuple(sorted(LOADERS))
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A file name that stays inside the corpus folder: the last path part, plain characters.

    "../../etc/passwd.txt" becomes "passwd.txt"; "Minutes 3 May.PDF" becomes
    "Minutes-3-May.pdf". Raises BoardQAError for a name with nothing left or a
    type the loaders do not read.
    """
    base = re.split(r"[\\/]", name.strip())[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem = _UNSAFE.sub("-", stem).strip("-.")
    ext = "." + ext.lower() if ext else ""
    if ext not in LOADERS:
        kinds = ", ".join(SUPPORTED)
        raise BoardQAError(
            f"{name}: not a paper type I read ({ext or 'no extension'}); use {kinds}"
        )
    if not stem:
        raise BoardQAError(f"{name}: the file name has no usable characters")
    return stem + ext


@dataclass(frozen=True)
class Added:
    """What became of one uploaded file."""

    name: str
    message: str
    saved: bool


def add_files(corpus: Path, uploads: Sequence[Path], replace: bool = False) -> list[Added]:
    """Copy uploaded files into ``corpus`` under safe names; an existing paper is kept unless
    ``replace``. Each file gets its own one-line outcome; one bad file stops nothing else."""
    corpus.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for upload in uploads:
        try:
            name = safe_name(upload.name)
        except BoardQAError as exc:
            outcomes.append(Added(upload.name, str(exc), False))
            continue
        target = corpus / name
        if target.exists() and not replace:
            outcomes.append(
                Added(
                    name,
                    f"{name}: a paper of that name is already in the corpus (not replaced; tick 'Replace' to overwrite it)",
                    False,
                )
            )
            continue
        existed = target.exists()
        shutil.copyfile(upload, target.with_name(target.name + ".part"))
        target.with_name(target.name + ".part").replace(target)
        outcomes.append(Added(name, f"{name}: {'replaced' if existed else 'added'}", True))
    return outcomes


def remove_file(corpus: Path, name: str) -> str:
    """Delete one paper from the corpus folder by its file name (nothing outside the folder)."""
    if not name or Path(name).name != name or name.startswith("."):
        raise BoardQAError(f"'{name}' is not the name of a paper in the corpus")
    target = corpus / name
    if not target.is_file():
        raise BoardQAError(f"{name}: no such paper in the corpus")
    target.unlink()
    return f"{name}: removed"


PAPER_COLUMNS = [
    "Paper",
    "Type",
    "Meeting date",
    "File",
    "Pages",
    "Passages",
    "Tables",
    "Decisions",
    "Actions",
    "Ingested",
    "OCR",
    "Problem",
]


def paper_rows(
    index: Path, profile: BoardProfile, failures: Sequence[IngestError] = ()
) -> list[dict[str, object]]:
    """One row per paper in the index (title, type, date, counts, when ingested), and one per
    file the last ingest could not read, with its reason."""
    state = read_state(index)
    tables: Counter[str] = Counter()
    decisions: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    if (index / STORE_NAME).exists():
        frame = TableStore(index / STORE_NAME, profile=profile).tables_frame
        tables.update(frame["source"].tolist())
    if register_path(index).exists():
        register = Register(register_path(index))
        decisions.update(d.source for d in register.decisions)
        actions.update(a.source for a in register.actions)
    problems = {f.source: f.reason for f in failures}
    rows: list[dict[str, object]] = []
    for name, fs in sorted(state.files.items()):
        doc = fs.document
        rows.append(
            {
                "Paper": doc.title,
                "Type": doc.paper_type,
                "Meeting date": doc.meeting_date or "",
                "File": name,
                "Pages": fs.pages or "",
                "Passages": len(fs.chunk_ids),
                "Tables": tables[name],
                "Decisions": decisions[name],
                "Actions": actions[name],
                "Ingested": fs.ingested,
                "OCR": "yes" if getattr(doc, "ocr", False) else "no",
                "Problem": problems.pop(name, ""),
            }
        )
    for name, reason in sorted(problems.items()):
        rows.append({**dict.fromkeys(PAPER_COLUMNS, ""), "File": name, "Problem": reason})
    return rows
