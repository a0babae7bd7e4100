"""`boardqa` as a user drives it: ingest, ask (JSON, a file of questions) and clear errors."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from board.settings import get_settings
from boardqa.cli import app, main

MINUTES = """Minutes of meeting held on 19 April 2013

6.1 Property crime

Adrian Usher reported that burglary in Barnet fell by 1% during 12/13.

ACTION: James Mass agreed to find out who chairs the Police Property Crime & Burglary Group.
"""
QUESTION = "Who chairs the Police Property Crime & Burglary Group?"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2013-04-19_minutes.txt").write_text(MINUTES, encoding="utf-8")
    monkeypatch.setenv("BOARDQA_CORPUS", str(folder))
    monkeypatch.setenv("BOARDQA_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("BOARDQA_EMBEDDING__BACKEND", "fake")
    get_settings.cache_clear()
    yield folder
    get_settings.cache_clear()


def flat(text: str) -> str:
    """Output with the console's line wrapping undone."""
    return " ".join(text.split())


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def ingested(corpus: Path) -> Path:
    result = invoke("ingest")
    assert result.exit_code == 0, result.output
    return corpus


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["boardqa", *args])
    with pytest.raises(SystemExit) as info:
        main()
    assert isinstance(info.value.code, int)
    return info.value.code


def test_ingest_with_a_bad_file_names_it_and_exits_non_zero(corpus: Path) -> None:
    (corpus / "scanned.txt").write_bytes(b"caf\xe9 \xff\xfe minutes")

    result = invoke("ingest")

    assert result.exit_code != 0
    err = flat(result.stderr)
    assert "skipped scanned.txt: not UTF-8 text" in err
    summary = flat(result.stdout)
    assert re.search(r"Ingested 1 files, .*\b[1-9]\d* chunks in \d+\.\d s", summary), summary
    assert "1 failed" in summary


def test_ingest_of_a_good_corpus_succeeds_and_a_rerun_embeds_nothing(corpus: Path) -> None:
    first = invoke("ingest")
    second = invoke("ingest")

    assert first.exit_code == 0 and second.exit_code == 0
    assert "0 failed" in flat(first.stdout)
    assert "(0 embedded, 1 unchanged" in flat(second.stdout)


def test_ask_json_prints_the_answer_contract(corpus: Path) -> None:
    ingested(corpus)

    result = invoke("ask", "--json", QUESTION)

    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert list(answer) == ["question", "status", "answer", "citations", "tool_calls", "timings_ms"]
    assert answer["question"] == QUESTION
    assert answer["status"] == "answered"
    assert "[1]" in answer["answer"]
    assert answer["citations"], "an answered question cites its source"
    for citation in answer["citations"]:
        assert list(citation) == ["n", "source", "title", "meeting_date", "locator", "quote"]
    first = answer["citations"][0]
    assert first["source"] == "2013-04-19_minutes.txt"
    assert first["locator"] == "line 7"
    assert first["meeting_date"] == "2013-04-19"
    assert first["quote"].startswith("ACTION: James Mass agreed")
    assert "total" in answer["timings_ms"]


def test_ask_prints_the_answer_and_its_sources_for_a_person(corpus: Path) -> None:
    ingested(corpus)

    result = invoke("ask", QUESTION)

    assert result.exit_code == 0, result.output
    text = flat(result.stdout)
    assert "ACTION: James Mass agreed to find out who chairs" in text
    assert "Sources" in text
    assert "[1] 2013-04-19_minutes.txt, line 7" in text


def test_ask_file_prints_one_json_object_per_question(corpus: Path, tmp_path: Path) -> None:
    ingested(corpus)
    questions = tmp_path / "questions.txt"
    questions.write_text(f"{QUESTION}\n\nWhat did the board decide about knife crime in Edgware?\n")

    result = invoke("ask", "--file", str(questions))

    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == [
        QUESTION,
        "What did the board decide about knife crime in Edgware?",
    ]
    assert [a["status"] for a in answers] == ["answered", "not_found"]


def test_ask_with_a_date_range_that_excludes_the_papers_finds_nothing(corpus: Path) -> None:
    ingested(corpus)

    result = invoke("ask", "--json", "--from", "2018-01-01", QUESTION)

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "not_found"


def test_ask_before_ingest_says_to_ingest_and_exits_2(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_main(monkeypatch, "ask", QUESTION)

    assert code == 2
    err = flat(capsys.readouterr().err)
    assert err.startswith("error: no index at")
    assert "run `boardqa ingest` first" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", "--from", "2013-13-01", QUESTION], "'2013-13-01' is not a date I can read"),
        (["ask", "--type", "memo", QUESTION], "unknown paper type 'memo'"),
        (["ask"], "give a QUESTION or --file FILE"),
    ],
)
def test_bad_arguments_get_a_clear_message_and_exit_2(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    ingested(corpus)

    code = run_main(monkeypatch, *args)

    assert code == 2
    assert message in flat(capsys.readouterr().err)


def test_a_question_over_the_limit_gets_its_reason_and_exits_2(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ingested(corpus)

    code = run_main(monkeypatch, "ask", "--json", "Who chairs the group? " * 5000)

    assert code == 2
    captured = capsys.readouterr()
    err = flat(captured.err)
    assert err.startswith("error: The question is 109,999 characters long")
    assert "limited to 2,000 (setting answer.max_question_chars)" in err
    assert "Traceback" not in err and captured.out == ""


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("???", "Please ask a question about the board papers: this one has no words to look for."),
        ("\x01\x1b\x7f", "Please ask a question about the board papers"),
        ("📈📉🚓", "Please ask a question about the board papers"),
        ("\udcff\udcfe", "Please ask a question about the board papers"),  # bytes not UTF-8
        ("'; DROP TABLE metric_cells; --", "Not in the papers"),
        ("董事会主席是谁？", "Not in the papers"),
        ("¿Quién preside la junta?", "Not in the papers"),
    ],
    ids=["punctuation", "controls", "emoji", "not-utf8", "sql", "chinese", "spanish"],
)
def test_a_bad_question_gets_a_clear_answer_not_a_traceback(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    question: str,
    message: str,
) -> None:
    ingested(corpus)

    for args in (["ask", question], ["ask", "--json", question]):
        code = run_main(monkeypatch, *args)

        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert message in flat(captured.out)
        assert "Traceback" not in captured.err
    answer = json.loads(captured.out)
    assert answer["status"] == "not_found"
    json.dumps(answer, ensure_ascii=False).encode("utf-8")  # printable as UTF-8


def test_controls_in_a_question_are_not_echoed(corpus: Path) -> None:
    ingested(corpus)

    result = invoke("ask", "--json", f"\x1b]0;hello\x07\x1b[1m{QUESTION}\x1b[0m\x00")

    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["question"] == QUESTION
    assert answer["status"] == "answered"
