"""`boardqa`: a thin command-line adapter over BoardAssistant."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from board.errors import BoardQAError
from board.files import atomic_write_text
from board.records import PAPER_TYPES, Answer
from board.routing import make_filters

app = typer.Typer(
    help="Cited answers from the board's papers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Index folder (default: $BOARDQA_INDEX or ./index).")
]


def _assistant(index: Path | None = None, corpus: Path | None = None):  # type: ignore[no-untyped-def]
    from assistant.core import BoardAssistant
    from board.settings import get_settings

    settings = get_settings()
    updates = {k: v for k, v in (("index", index), ("corpus", corpus)) if v is not None}
    return BoardAssistant(settings.model_copy(update=updates) if updates else settings)


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (default: the corpus folder).")
    ] = None,
    index: IndexOption = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: $BOARDQA_CORPUS or ./corpus).")
    ] = None,
) -> None:
    """Parse, chunk and embed papers into the index; unchanged files are skipped."""
    from tqdm import tqdm

    assistant = _assistant(index, corpus)
    bar = tqdm(total=0, unit="item", disable=not sys.stderr.isatty(), leave=False)

    def progress(done: int, total: int, message: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_description(message[:40])
        bar.refresh()

    report = assistant.ingest(paths or None, progress=progress)
    bar.close()
    for failure in report.failures:
        err.print(f"[yellow]skipped[/] {failure}", highlight=False)
    out.print(f"Ingested {report.summary()}", highlight=False)
    if report.failures:
        raise typer.Exit(1)


def print_answer(answer: Answer) -> None:
    """An answer for a person: the text, then its numbered sources with quotes."""
    out.print(answer.answer, highlight=False)
    if answer.citations:
        out.print("\n[bold]Sources[/]")
    for c in answer.citations:
        when = f", {c.meeting_date}" if c.meeting_date else ""
        out.print(
            f"[{c.n}] {c.source}, {c.locator} — {c.title}{when}", highlight=False, markup=False
        )
        out.print(f"    “{c.quote[:300]}”", highlight=False, markup=False, style="dim")


def as_typed(argument: str) -> str:
    """A command-line argument as text: bytes that were not UTF-8 (which Python keeps as lone
    surrogates, and cannot print) become U+FFFD."""
    return argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_session(path: Path) -> list[Answer]:
    """The earlier turns of a conversation file; none when the file does not exist yet."""
    if not path.exists():
        return []
    try:
        turns = json.loads(path.read_text(encoding="utf-8"))
        return [
            Answer(
                t["question"],
                t.get("status", "answered"),
                t.get("answer", ""),
                understood=t.get("understood"),
            )
            for t in turns
        ]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise BoardQAError(f"cannot read the conversation file {path}: {exc}") from None


def write_session(path: Path, turns: list[Answer]) -> None:
    """Keep the conversation: each turn's question, how it was understood, and the answer."""
    data = [
        {"question": t.question, "understood": t.understood, "status": t.status, "answer": t.answer}
        for t in turns
    ]
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="The question.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON answer contract.")
    ] = False,
    file: Annotated[
        Path | None, typer.Option("--file", help="Questions, one per line; prints JSON lines.")
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from", help="Earliest meeting: 2013, April 2013, 19/04/2013 or 2013-04-19."
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", help="Latest meeting: 2014, March 2014, 31/03/2014 or 2014-03-31."),
    ] = None,
    paper_type: Annotated[
        str | None, typer.Option("--type", help=f"Paper type: {', '.join(PAPER_TYPES)}.")
    ] = None,
    session: Annotated[
        Path | None,
        typer.Option(
            "--session",
            help="A conversation file (JSON): earlier turns are read from it, so a follow-up "
            "such as 'and the year before?' builds on them, and this turn is added to it.",
        ),
    ] = None,
    index: IndexOption = None,
) -> None:
    """Answer a question from the papers, with citations."""
    filters = make_filters(date_from, date_to, paper_type)
    question = as_typed(question) if question is not None else None
    if file is None and not question:
        raise BoardQAError("give a QUESTION or --file FILE")
    assistant = _assistant(index)
    if file is not None:
        try:
            questions = [
                q.strip() for q in file.read_text(encoding="utf-8").splitlines() if q.strip()
            ]
        except (OSError, UnicodeDecodeError) as exc:
            raise BoardQAError(f"cannot read {file}: {exc}") from None
        for q in questions:
            print(json.dumps(assistant.ask(q, filters).to_dict(), ensure_ascii=False), flush=True)
        return
    history = read_session(session) if session is not None else []
    answer = assistant.ask(question or "", filters, history=history)
    if session is not None:
        write_session(session, [*history, answer])
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_answer(answer)


def _index_path(index: Path | None) -> Path:
    from board.settings import get_settings

    return index or get_settings().index


def _profile():  # type: ignore[no-untyped-def]
    from board.profile import load_profile
    from board.settings import get_settings

    return load_profile(get_settings().profile_path)


def _table_store(index: Path | None):  # type: ignore[no-untyped-def]
    from board.errors import IndexMissing
    from tools.tables import STORE_NAME, TableStore

    path = _index_path(index) / STORE_NAME
    if not path.exists():
        raise IndexMissing(f"no metric tables at {path}: run `boardqa ingest` first")
    return TableStore(path, profile=_profile())


def _register(index: Path | None):  # type: ignore[no-untyped-def]
    from tools.register import Register

    return Register(_index_path(index))


@app.command()
def tables(
    show: Annotated[str | None, typer.Option("--show", help="Print one table by its id.")] = None,
    index: IndexOption = None,
) -> None:
    """List the metric tables extracted from the papers (caption, source, locator, size)."""
    from tools.tables.cli import list_tables, show_table

    store = _table_store(index)
    out.print(show_table(store, show) if show else list_tables(store))


@app.command()
def meetings(index: IndexOption = None) -> None:
    """The meetings the papers record: date, venue, chair, attendance."""
    from tools.register.cli import meetings_table

    out.print(meetings_table(_register(index)))


@app.command()
def decisions(
    topic: Annotated[
        str | None, typer.Option("--topic", help="Only decisions about this topic.")
    ] = None,
    index: IndexOption = None,
) -> None:
    """What the board decided, meeting by meeting, with the minute item."""
    from tools.register.cli import decisions_table

    out.print(decisions_table(_register(index), topic))


@app.command()
def actions(
    owner: Annotated[
        str | None, typer.Option("--owner", help="Only this person's actions.")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="open or done.")] = None,
    index: IndexOption = None,
) -> None:
    """Who was asked to do what, when, and what the later papers say became of it."""
    from tools.register.cli import actions_table

    out.print(actions_table(_register(index), owner, status))


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path | None, typer.Option(help="A gold .jsonl file or folder (default: eval/gold).")
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(help="Corpus folder to ingest first (default: the configured one)."),
    ] = None,
    index: IndexOption = None,
    reports: Annotated[Path, typer.Option(help="Where the JSON and markdown reports go.")] = Path(
        "eval/reports"
    ),
    curve: Annotated[
        bool,
        typer.Option(
            help="Also run with the reader's threshold at zero and write the trade-off curve "
            "(answered-correct vs hallucination by answer.min_passage_support) to curve.csv."
        ),
    ] = False,
) -> None:
    """Score the assistant on gold questions; exit 1 below the gold folder's thresholds.toml."""
    from eval.runner import evaluate as run

    assistant = _assistant(index, corpus)
    report = assistant.ingest()
    if report.failures:
        for failure in report.failures:
            err.print(f"[yellow]skipped[/] {failure}", highlight=False)
    result, written, table = run(assistant, gold, reports, with_curve=curve)
    print(table)
    out.print("Reports: " + ", ".join(str(p) for p in written), highlight=False)
    for failure in result.failures:
        err.print(f"[red]below threshold:[/] {failure}", highlight=False)
    if result.failures:
        raise typer.Exit(1)


def main() -> None:
    """Console entry point: domain errors become a clean message and exit code 2."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except BoardQAError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
