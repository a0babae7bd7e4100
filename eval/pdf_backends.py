"""The two PDF text readers at hand measured side by side on a folder of PDFs, page by page:
pdfplumber's words (what ingest reads: each word with its box and font size, and the page's
ruled lines for its tables) and pypdfium2's text page (PDFium's own text, with a box per
character). For each PDF: pages, median milliseconds per page for each, and how far their
words agree (the share of words, counted with repeats, that both read).

    python -m eval.pdf_backends eval/devcorpus/papers      # a Markdown table
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackendTimes:
    """One PDF read by both readers."""

    name: str
    pages: int
    plumber_ms: float  # median per page: words with boxes, and the page's ruled lines
    pdfium_ms: float  # median per page: the text page and its text
    boxed_ms: float  # median per page: the same with each character's box (what layout needs)
    agreement: float  # shared words / words of the larger reading (1.0: the same words)


def measure(path: Path, max_pages: int = 20) -> BackendTimes:
    """Both readers over the first ``max_pages`` pages of one PDF."""
    import pdfplumber
    import pypdfium2 as pdfium

    plumber_ms: list[float] = []
    pdfium_ms: list[float] = []
    boxed_ms: list[float] = []
    plumber_words: Counter[str] = Counter()
    pdfium_words: Counter[str] = Counter()
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages[:max_pages]
        for page in pages:
            t0 = time.perf_counter()
            words = page.extract_words(extra_attrs=["size"])
            page.lines  # noqa: B018 - the rules a table is read from
            plumber_ms.append((time.perf_counter() - t0) * 1000)
            plumber_words.update(w["text"] for w in words)
            page.close()
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(document), max_pages)):
            t0 = time.perf_counter()
            page = document[index]
            text = page.get_textpage().get_text_range()
            pdfium_ms.append((time.perf_counter() - t0) * 1000)
            pdfium_words.update(text.split())
            t0 = time.perf_counter()
            textpage = document[index].get_textpage()
            _ = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
            boxed_ms.append((time.perf_counter() - t0) * 1000)
    finally:
        document.close()
    shared = sum((plumber_words & pdfium_words).values())
    larger = max(sum(plumber_words.values()), sum(pdfium_words.values()), 1)
    return BackendTimes(
        path.name,
        len(plumber_ms),
        statistics.median(plumber_ms) if plumber_ms else 0.0,
        statistics.median(pdfium_ms) if pdfium_ms else 0.0,
        statistics.median(boxed_ms) if boxed_ms else 0.0,
        shared / larger,
    )


def table(rows: list[BackendTimes]) -> str:
    lines = [
        "| PDF | pages read | pdfplumber ms/page | pypdfium2 ms/page (text; with boxes) | "
        "ratio to boxes | words agreeing |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = r.plumber_ms / r.boxed_ms if r.boxed_ms else 0.0
        lines.append(
            f"| {r.name} | {r.pages} | {r.plumber_ms:.1f} | {r.pdfium_ms:.1f}; {r.boxed_ms:.1f} | "
            f"{ratio:.1f}x | {r.agreement:.0%} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("eval/devcorpus/papers")
    rows = [measure(path) for path in sorted(folder.glob("*.pdf"))]
    print(table(rows))
    plumber = statistics.median(r.plumber_ms for r in rows) if rows else 0.0
    pdfium = statistics.median(r.pdfium_ms for r in rows) if rows else 0.0
    boxed = statistics.median(r.boxed_ms for r in rows) if rows else 0.0
    print(
        f"\nmedian of medians: pdfplumber {plumber:.1f} ms/page, pypdfium2 {pdfium:.1f} ms/page "
        f"(text), {boxed:.1f} ms/page (with boxes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
