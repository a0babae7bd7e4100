"""Papers added and removed from the browser: names made safe, nothing overwritten unasked,
nothing outside the corpus folder touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.library import add_files, remove_file, safe_name
from board.errors import BoardQAError


@pytest.mark.parametrize(
    ("uploaded", "saved"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\minutes.PDF", "minutes.pdf"),
        ("Minutes 3 May 2024.docx", "Minutes-3-May-2024.docx"),
        ("Ré­union – procès-verbal.md", "Reunion-proces-verbal.md"),
        (".hidden.html", "hidden.html"),
    ],
)
def test_upload_names_stay_inside_the_corpus_folder(uploaded: str, saved: str) -> None:
    assert safe_name(uploaded) == saved


@pytest.mark.parametrize(
    ("uploaded", "reason"),
    [("virus.exe", "not a paper type I read (.exe)"), ("....pdf", "no usable characters")],
)
def test_unreadable_names_say_why(uploaded: str, reason: str) -> None:
    with pytest.raises(BoardQAError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        safe_name(uploaded)


def _upload(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_adding_keeps_an_existing_paper_unless_told_to_replace_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _upload(corpus, "minutes.txt", "the old minutes")
    new = _upload(tmp_path / "up", "minutes.txt", "the new minutes")
    other = _upload(tmp_path / "up", "agenda.txt", "an agenda")
    bad = _upload(tmp_path / "up", "run.exe", "binary")

    outcomes = add_files(corpus, [new, other, bad])

    assert [o.saved for o in outcomes] == [False, True, False]
    assert "already in the corpus (not replaced" in outcomes[0].message
    assert (corpus / "minutes.txt").read_text() == "the old minutes"
    assert (corpus / "agenda.txt").read_text() == "an agenda"
    assert not (corpus / "run.exe").exists()
    assert not list(corpus.glob("*.part"))

    outcomes = add_files(corpus, [new], replace=True)
    assert outcomes[0].message == "minutes.txt: replaced"
    assert (corpus / "minutes.txt").read_text() == "the new minutes"


def test_removing_deletes_one_paper_and_nothing_outside_the_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _upload(corpus, "minutes.txt", "minutes")
    outside = _upload(tmp_path, "keep.txt", "not a paper")

    assert remove_file(corpus, "minutes.txt") == "minutes.txt: removed"
    assert not (corpus / "minutes.txt").exists()
    for name in ["../keep.txt", "minutes.txt", "", ".profile"]:
        with pytest.raises(BoardQAError):
            remove_file(corpus, name)
    assert outside.exists()


MINUTES = """Minutes of the meeting of the Riverside Community Safety Forum held on 4 March 2024

Present: Ann Lowe (Chair), Raj Patel

1. Graffiti removal
RESOLVED that the graffiti removal budget be raised to £4,500.
"""


def test_a_serving_assistant_answers_from_an_index_another_process_rebuilt(tmp_path: Path) -> None:
    from assistant.core import BoardAssistant
    from board.settings import Settings

    corpus = _upload(tmp_path / "corpus", "agenda.txt", "Agenda\n\n1. Apologies\n2. Budget\n")
    settings = Settings(
        corpus=corpus.parent, index=tmp_path / "index", embedding={"backend": "fake"}
    )
    serving = BoardAssistant(settings)
    serving.ingest()
    before = serving.ask("What did the forum resolve about the graffiti removal budget?")
    assert "4,500" not in before.answer

    _upload(corpus.parent, "minutes.txt", MINUTES)
    _upload(corpus.parent, "broken.pdf", "not a pdf at all")
    other = BoardAssistant(settings)  # `boardqa ingest` in another process
    report = other.add_papers([])[1]
    assert [f.source for f in report.failures] == ["broken.pdf"]

    after = serving.ask("What did the forum resolve about the graffiti removal budget?")
    assert "4,500" in after.answer and after.citations[0].source == "minutes.txt"
    assert len(serving.register.decisions) == 1

    rows = {r["File"]: r for r in other.papers()}
    assert rows["minutes.txt"]["Type"] == "minutes" and rows["minutes.txt"]["Decisions"] == 1
    assert rows["minutes.txt"]["Meeting date"] == "2024-03-04"
    assert rows["broken.pdf"]["Problem"] and rows["broken.pdf"]["Paper"] == ""
