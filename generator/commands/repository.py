"""The GitHub repository the site links to: ``repo_url`` in mkdocs.yml, set through ``REPO_URL``.

So that a fork or a clone links to its own repository without editing anything, the build and the
preview set ``REPO_URL`` from ``git remote get-url origin`` when the variable is not set and the
remote is on GitHub. Either way the address must be ``https://github.com/<owner>/<repository>`` and
nothing else: it becomes every page's "Edit" and "Suggest a correction" link and the form's target.
When no repository is known, ``REPO_URL`` is empty: the pages then have no such links (a link to a
repository that does not exist helps nobody), and the build says so.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from ..text.hidden import visible

_OWNER_AND_NAME = r"(?P<owner>[A-Za-z0-9][A-Za-z0-9-]{0,38})/(?P<name>[A-Za-z0-9_.-]{1,100}?)"
_GITHUB_REMOTE = re.compile(
    r"(?:https://github\.com/|ssh://git@github\.com/|git@github\.com:)" + _OWNER_AND_NAME + r"(?:\.git)?/?", re.ASCII)
_GITHUB_URL = re.compile(r"https://github\.com/" + _OWNER_AND_NAME + r"/?", re.ASCII)


class RepositoryError(Exception):
    """``REPO_URL`` is set to something other than a GitHub repository's address."""


def github_url(remote: str, *, pattern: re.Pattern[str] = _GITHUB_REMOTE) -> str | None:
    """``https://github.com/<owner>/<name>`` for a GitHub remote address, else None."""
    match = pattern.fullmatch(remote.strip())
    if not match or set(match["name"]) <= {"."}:  # `.` and `..` are no repository's name
        return None
    return f"https://github.com/{match['owner']}/{match['name']}"


def origin_url(root: Path) -> str | None:
    """The GitHub address of the checkout's ``origin`` remote, if it has one."""
    try:
        result = subprocess.run(["git", "remote", "get-url", "origin"], cwd=root,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0 or not (root / ".git").exists():
        return None
    return github_url(result.stdout)


def repo_url(root: Path, environ: dict[str, str] | None = None) -> str | None:
    """The repository's address: ``REPO_URL`` (in ``environ``, default this process's) if it is set,
    else origin's if that is on GitHub, else None. Raises RepositoryError for a ``REPO_URL`` that is
    not ``https://github.com/<owner>/<repository>``."""
    given = (os.environ if environ is None else environ).get("REPO_URL", "")
    if given.strip():
        url = github_url(given, pattern=_GITHUB_URL)
        if url is None:
            raise RepositoryError(f"REPO_URL is `{visible(given)}`: it must be a GitHub repository's address, "
                                  "https://github.com/<owner>/<repository>")
        return url
    return origin_url(root)


def repo_environment(root: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    """``environ`` (default: this process's) with ``REPO_URL`` set to :func:`repo_url` and
    ``EDIT_URI`` beside it, or both empty (no repository links) when none is known."""
    env = dict(os.environ if environ is None else environ)
    env["REPO_URL"] = repo_url(root, env) or ""
    env["EDIT_URI"] = EDIT_URI if env["REPO_URL"] else ""
    return env


EDIT_URI = "edit/main/content/"
"""Where a hand-written page's source is, from the repository's address (mkdocs.yml's ``edit_uri``)."""


NO_REPOSITORY = ("Note: no GitHub repository is known (REPO_URL is not set and the `origin` remote is not on "
                 "GitHub), so the pages have no \"Edit\" or \"Suggest a correction\" links and the form cannot "
                 "open a pull request. Set REPO_URL=https://github.com/<owner>/<repository> to have them.")
"""What ``build`` and ``serve`` say when :func:`repo_url` finds no repository."""
