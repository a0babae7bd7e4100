"""The app as an officer uses it, in Chromium: a cited answer, a source opened in its paper,
a follow-up, the conversation kept across a reload, a briefing downloaded and opened, a
paper uploaded and answered from at once, the register loaded and exported, the login.

Each step leaves a screenshot in test-output/browser/; the page must log no console error."""

from __future__ import annotations

import csv
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from tests.browser.conftest import serve

pytestmark = pytest.mark.browser

BURGLARY = "How many residential burglaries were there between 1 April 2012 and 6 January 2013?"
ACTIONS = "What actions did James Mass take away?"
CELL = "[data-testid^=cell-]"  # a table cell as shown (gradio also keeps hidden copies)
NEW_PAPER = """Minutes of the meeting of the Riverside Community Safety Forum held on 4 March 2024

Present: Ann Lowe (Chair), Raj Patel, Tom Okafor

1. Graffiti removal
The forum heard that 37 graffiti reports were received in February.
RESOLVED that the graffiti removal budget be raised to £4,500.
ACTION: Raj Patel to report back on response times at the next meeting.
"""


WATCH_WORKING = """() => {
  window.sawWorking = false;
  new MutationObserver(() => {
    if (document.body.innerText.includes("Reading the papers…")) window.sawWorking = true;
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def ask(tab, question: str, answered_by: str):  # type: ignore[no-untyped-def]
    page = tab.page
    page.evaluate(WATCH_WORKING)
    page.fill("#question textarea", question)
    page.click("#send")
    page.get_by_text(answered_by).first.wait_for()
    page.get_by_text("Reading the papers…").wait_for(state="detached")
    # The question showed at once, with the working state, before the answer came.
    assert page.evaluate("window.sawWorking")
    assert page.locator("[data-testid='user']").last.inner_text().strip() == question


def download(page, files: str, name: str, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    """Click the download link of ``name`` in the file list ``files``; the file as saved."""
    link = page.locator(f"{files} a[download='{name}']")
    link.wait_for()
    with page.expect_download() as started:
        link.click()
    path = folder / name
    started.value.save_as(path)
    return path


def test_a_cited_answer_a_source_opened_a_follow_up_and_a_briefing(app_url, tab, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tab.page
    page.goto(app_url)
    page.wait_for_selector("#question textarea")
    assert page.get_by_role("button", name="Send").is_visible()
    assert page.get_by_role("button", name=ACTIONS).is_visible()  # examples in full
    tab.shot("landing")

    ask(tab, BURGLARY, "Residential Burglary: 2,576")
    reply = page.locator("[data-testid='bot']").last
    assert "Searched: all papers" in reply.inner_text()
    sources = reply.locator("details")
    assert sources.locator("summary").inner_text().startswith("Sources (1)")
    assert not sources.get_attribute("open")  # folded under the answer
    sources.locator("summary").click()
    assert "row “Residential Burglary”" in sources.inner_text()
    tab.shot("cited-answer")

    page.locator("#source input").click()
    page.get_by_role("option").first.click()
    marked = page.locator(".cited-passage mark").first
    marked.wait_for()
    assert marked.inner_text().startswith("Residential Burglary")
    assert (
        "2013-01-15_scpb_pack.txt, lines 313-313"
        in page.locator(".cited-passage").first.locator("xpath=..").inner_text()
    )
    tab.shot("source-opened")

    ask(tab, "And in the previous year?", "Taking this as:")
    follow_up = page.locator("[data-testid='bot']").last.inner_text()
    assert "burglar" in follow_up.lower() and "I can't tell" not in follow_up
    tab.shot("follow-up")
    ask(tab, ACTIONS, "4 actions for James Mass")
    assert page.locator("[data-testid='user']").count() == 3

    page.reload()
    page.locator("[data-testid='user']").nth(2).wait_for()  # the conversation is kept
    assert page.locator("[data-testid='user']").first.inner_text().strip() == BURGLARY
    tab.shot("after-reload")

    page.get_by_label("Whole conversation").check()
    page.click("#export")
    word = download(page, "#briefing", "briefing.docx", tmp_path)
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert BURGLARY in paragraphs and ACTIONS in paragraphs
    assert any("2,576" in p for p in paragraphs)
    assert any(p.startswith("[1] Item 5") and "meeting of 15 January 2013" in p for p in paragraphs)
    tab.shot("briefing-exported")


def test_an_uploaded_paper_is_listed_and_answered_from_at_once(app_url, tab, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tab.page
    paper = tmp_path / "Riverside forum minutes March 2024.txt"
    paper.write_text(NEW_PAPER, encoding="utf-8")
    page.goto(app_url)
    page.get_by_role("tab", name="Papers").click()
    page.locator("#papers").get_by_text("2013-07-19_scpb_pack.txt").wait_for()
    tab.shot("papers")

    page.locator("#add-files input[type=file]").set_input_files(str(paper))
    page.locator("#add-files").get_by_text(paper.name).wait_for()
    page.click("#add-papers")
    status = page.locator("#papers-status")
    status.get_by_text("Riverside-forum-minutes-March-2024.txt: added").wait_for()
    assert "6 files" in status.inner_text()
    page.locator("#papers").get_by_text("Riverside-forum-minutes-March-2024.txt").wait_for()
    tab.shot("paper-added")

    page.get_by_role("tab", name="Ask").click()
    ask(tab, "What did the Riverside forum resolve about the graffiti removal budget?", "4,500")
    reply = page.locator("[data-testid='bot']").last
    reply.locator("details summary").click()
    assert "Riverside-forum-minutes-March-2024.txt" in reply.inner_text()
    tab.shot("answered-from-new-paper")

    page.get_by_role("tab", name="Actions & decisions").click()
    page.get_by_label("Owner (actions)").fill("Raj Patel")
    page.locator("#register").locator(
        CELL, has_text="report back on response times"
    ).first.wait_for()
    tab.shot("new-paper-in-register")


def test_the_register_loads_without_error_and_exports(app_url, tab, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tab.page
    page.goto(app_url)
    page.get_by_role("tab", name="Actions & decisions").click()
    register = page.locator("#register")
    register.get_by_text("Owner").first.wait_for()
    assert page.get_by_text("Error").count() == 0
    headers = [h.get_attribute("title") for h in register.locator("th[role=columnheader]").all()]
    assert headers[:4] == ["Owner", "Task", "Due", "Status"]
    tab.shot("register")

    page.get_by_label("Meeting").fill("April 2013")
    page.get_by_label("Meeting").press("Enter")
    register.locator(CELL, has_text="James Mass agreed to find out").first.wait_for()
    path = download(page, "#register-files", "board-actions.csv", tmp_path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["Meeting"] for r in rows} == {"2013-04-19"}
    tab.shot("register-april-2013")

    page.get_by_label("Meeting").fill("spring")
    page.get_by_label("Meeting").press("Enter")
    page.get_by_text("'spring' is not a date I can read").first.wait_for()
    assert page.get_by_text("Error", exact=True).count() == 0  # the table stays as it was
    assert register.locator(CELL, has_text="James Mass agreed to find out").count() > 0
    tab.shot("register-bad-date")


@pytest.fixture(scope="module")
def shared_url(browser_assistant, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from boardqa.web.auth import read_credentials

    users = tmp_path_factory.mktemp("auth") / "users"
    users.write_text("clerk:correct horse\n", encoding="utf-8")
    yield from serve(browser_assistant, auth=read_credentials(users))


def test_a_shared_deployment_asks_for_a_login_and_guards_the_api(shared_url, tab) -> None:  # type: ignore[no-untyped-def]
    for path in ("gradio_api/info", "config"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(shared_url + path, timeout=10)
        assert refused.value.code in (401, 403), path
    call = urllib.request.Request(
        shared_url + "gradio_api/call/answer_turn",
        data=json.dumps({"data": [ACTIONS]}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(call, timeout=10)

    page = tab.page
    page.goto(shared_url)
    page.get_by_label("username").fill("clerk")
    page.get_by_label("password").fill("wrong")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Incorrect Credentials").wait_for()
    tab.errors.clear()  # the refused login is logged by the page as a failed request
    tab.shot("login-refused")
    page.goto(shared_url)
    page.get_by_label("username").fill("clerk")
    page.get_by_label("password").fill("correct horse")
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#question textarea")
    tab.shot("signed-in")
