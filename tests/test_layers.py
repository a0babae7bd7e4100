"""The layers contract in pyproject.toml holds: no module imports a layer above its own."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_layers_are_kept() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists() and shutil.which("lint-imports") is None:
        pytest.fail("import-linter is not installed: run `make install-dev`")
    done = subprocess.run(
        [str(exe if exe.exists() else "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
