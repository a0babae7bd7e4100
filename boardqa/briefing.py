"""Answers taken into a briefing: Markdown and Word (python-docx), with quotes and references.

One answer or a whole conversation becomes a section per question: the question,
the answer as the assistant gave it (its ``[n]`` markers kept), the quoted
evidence, and a references list (paper, meeting date, page or lines, file), so
an officer can paste it into a board briefing and a reader can check each figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from board.records import Answer, Citation, long_date


def _reference(c: Citation) -> str:
    when = f", meeting of {long_date(c.meeting_date)}" if c.meeting_date else ""
    return f"[{c.n}] {c.title}{when}, {c.locator} ({c.source})"


def cell_line(answer: Answer, citation: Citation) -> str:
    """For a table citation, the cell it stands for under its table's headings:
    'Table “Crime in the borough”, row “Residential Burglary”, column “2012/13”: 2,576'."""
    for row in answer.table_rows:
        if (row.get("source"), row.get("locator")) == (citation.source, citation.locator):
            period = f" ({row['period']})" if row.get("period") else ""
            caption = f"Table “{row['table']}”, " if row.get("table") else ""
            return (
                f"{caption}row “{row.get('row', '')}”, column “{row.get('column', '')}”: "
                f"{row.get('value', '')}{period}"
            )
    return ""


def _evidence(answer: Answer, c: Citation) -> str:
    """A quote as evidence: a table's cell under its headings, then the row as printed."""
    quote = f"“{' '.join(c.quote.split())}”"
    cell = cell_line(answer, c)
    return f"[{c.n}] {cell} — {quote}" if cell else f"[{c.n}] {quote}"


def briefing_markdown(answers: Sequence[Answer], title: str = "Briefing note") -> str:
    """The answers as Markdown: a heading per question, the answer, its quotes and references."""
    lines = [f"# {title}", "", f"Prepared {long_date(date.today())} from the board's papers.", ""]
    for answer in answers:
        lines += [f"## {answer.question}", ""]
        if answer.understood:
            lines += [f"*Taken as: {answer.understood}*", ""]
        lines += [answer.answer.strip(), ""]
        if answer.citations:
            lines += ["**Evidence**", ""]
            lines += [f"> {_evidence(answer, c)}" for c in answer.citations]
            lines += ["", "**References**", ""]
            lines += [f"- {_reference(c)}" for c in answer.citations]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(answers: Sequence[Answer], path: Path, title: str = "Briefing note") -> Path:
    path.write_text(briefing_markdown(answers, title), encoding="utf-8")
    return path


def write_docx(answers: Sequence[Answer], path: Path, title: str = "Briefing note") -> Path:
    """The same briefing as a Word document: headings, answer paragraphs, quotes, references."""
    from docx import Document

    doc = Document()
    doc.core_properties.title = title
    doc.add_heading(title, level=0)
    doc.add_paragraph(f"Prepared {long_date(date.today())} from the board's papers.")
    for answer in answers:
        doc.add_heading(answer.question, level=1)
        if answer.understood:
            doc.add_paragraph().add_run(f"Taken as: {answer.understood}").italic = True
        doc.add_paragraph(answer.answer.strip())
        if not answer.citations:
            continue
        doc.add_heading("Evidence", level=2)
        for c in answer.citations:
            doc.add_paragraph(_evidence(answer, c), style="Quote")
        doc.add_heading("References", level=2)
        for c in answer.citations:
            doc.add_paragraph(_reference(c), style="List Bullet")
    doc.save(str(path))
    return path
