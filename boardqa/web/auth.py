"""The login a shared deployment needs: who may sign in, and when a login is required."""

from __future__ import annotations

from pathlib import Path

from board.errors import BoardQAError

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def read_credentials(path: Path | None) -> list[tuple[str, str]]:
    """The (user, password) pairs of a file of 'user:password' lines; none without a file.

    Blank lines and lines starting with '#' are skipped; any other line without a
    user and a password is an error naming its line, so a typo never opens the app.
    """
    if path is None:
        return []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise BoardQAError(f"cannot read the credentials file {path}: {exc.strerror}") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise BoardQAError(
                f"{path}, line {number}: expected 'user:password' with neither part empty"
            )
        pairs.append((user.strip(), password))
    if not pairs:
        raise BoardQAError(f"the credentials file {path} names nobody: add 'user:password' lines")
    return pairs


def login_required(host: str) -> bool:
    """Whether binding to ``host`` exposes the app beyond this machine."""
    return host not in LOCAL_HOSTS
