"""The question's words are read in one place, board/question.py: every other function takes
the `Question` record. Found with `ast` over the non-test code, two ways:
- a function with a ``str`` parameter that is the question (named question, asked, q, query);
- a function handed a record's text: called with ``<record>.text`` where the caller's
  parameter is annotated `Question` (or `FigureQuestion`);
- a function that parses its record's text itself: a pattern searched over it, or the
  text lowered, split or searched as a string.

None may (issue #24): a handler that needs more of the question than the record holds gets a
new field on the record, read in the reader."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("board", "retrieval", "ingest", "tools", "assistant", "eval", "boardqa")
# The reader: board/question.py and the parts it reads with (the record asked of, the figures,
# a follow-up's parts).
READER = (
    "board/question.py",
    "board/asks.py",
    "board/figure_question.py",
    "board/table_ask.py",
    "board/prose_figure.py",
    "board/intents.py",
    "board/question_periods.py",
    "board/followups.py",
    "board/followup_parts.py",
)
QUESTION_NAMES = frozenset(["question", "asked", "q", "query"])
# Where the text may go: the entry points that hand it to the reader, retrieval (which may
# embed and BM25-score it) and the one tokenizer the reader itself uses.
ALLOWED = ("retrieval/", "assistant/core.py:ask", "assistant/core.py:search", "board/text.py:")


def _modules() -> Iterator[tuple[str, ast.Module]]:
    files = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")] + [ROOT / "app.py"]
    for path in sorted(files):
        name = path.relative_to(ROOT).as_posix()
        if name not in READER:
            yield name, ast.parse(path.read_text(encoding="utf-8"))


def _annotation(arg: ast.arg) -> str:
    return ast.unparse(arg.annotation) if arg.annotation is not None else ""


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    a = fn.args
    return [*a.posonlyargs, *a.args, *a.kwonlyargs]


def _takes_question_text(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        p.arg in QUESTION_NAMES and _annotation(p) in ("str", "str | None") for p in _params(fn)
    )


def _is_record_text(node: ast.expr, records: set[str]) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "text"
        and isinstance(node.value, ast.Name)
        and node.value.id in records
    )


def _handed_record_text(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[str]:
    """Names of the functions ``fn`` calls with its Question parameter's ``.text``, directly
    or through a local name it was put in (``text = question.text``)."""
    records = {p.arg for p in _params(fn) if _annotation(p).endswith("Question")}
    aliases = {
        t.id
        for node in ast.walk(fn)
        if isinstance(node, ast.Assign) and _is_record_text(node.value, records)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if any(
            _is_record_text(a, records) or (isinstance(a, ast.Name) and a.id in aliases)
            for a in arguments
        ):
            yield ast.unparse(node.func).split(".")[-1]


# What parsing a text looks like: a pattern's search over it, or a string's own methods.
_PARSES = frozenset(
    ("search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "lower")
    + ("casefold", "find", "index", "count", "startswith", "endswith")
)


def _parses_record_text(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether ``fn`` parses its Question parameter's ``.text``: ``P.search(q.text)``,
    ``q.text.lower()``, ``"x" in q.text``."""
    records = {p.arg for p in _params(fn) if _annotation(p).endswith("Question")}
    for node in ast.walk(fn):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _PARSES
            and (
                _is_record_text(node.func.value, records)
                or any(_is_record_text(a, records) for a in node.args)
            )
        ):
            return True
        if isinstance(node, ast.Compare) and any(
            _is_record_text(c, records) for c in node.comparators
        ):
            return True
    return False


def question_text_readers() -> set[str]:
    """``module:function`` for every function outside the reader that reads the question."""
    found: set[str] = set()
    defined: dict[str, set[str]] = {}
    handed: set[str] = set()
    for module, tree in _modules():
        for fn in _functions(tree):
            defined.setdefault(fn.name, set()).add(module)
            if _takes_question_text(fn) or _parses_record_text(fn):
                found.add(f"{module}:{fn.name}")
            handed.update(_handed_record_text(fn))
    for name in handed:
        found.update(f"{module}:{name}" for module in defined.get(name, ()))
    return {f for f in found if not f.startswith(ALLOWED)}


def test_no_function_outside_the_reader_reads_the_questions_text() -> None:
    readers = sorted(question_text_readers())

    assert not readers, (
        "these read the question's text outside the reader (board/question.py and its parts); "
        f"take the Question record instead, with a new field if need be: {readers}"
    )


def test_the_check_finds_a_reader_by_its_parameter_and_by_what_it_is_handed() -> None:
    tree = ast.parse(
        "def f(question: str, filters): ...\n"
        "def g(question: Question, context):\n    return h(question.text)\n"
        "def h(words): ...\n"
        "def m(question: Question):\n    text = question.text\n    return n(1, text)\n"
        "def k(question: Question): ...\n"
        "def p(q: FigureQuestion):\n    return WORDS.search(q.text)\n"
        "def r(q: Question):\n    return 'x' in q.text.lower()\n"
        "def s(q: Question):\n    return Answer(q.text, 'answered')\n"
    )
    fns = {fn.name: fn for fn in _functions(tree)}

    assert _takes_question_text(fns["f"]) and not _takes_question_text(fns["k"])
    assert list(_handed_record_text(fns["g"])) == ["h"]
    assert list(_handed_record_text(fns["m"])) == ["n"]
    assert _parses_record_text(fns["p"]) and _parses_record_text(fns["r"])
    assert not _parses_record_text(fns["s"])
