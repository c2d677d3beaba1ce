"""The GitHub repository the site links to: ``repo_url`` in mkdocs.yml, set through ``REPO_URL``.

mkdocs.yml reads ``REPO_URL`` and falls back to a fixed address. So that a fork or a clone links to
its own repository without editing anything, the build and the preview set ``REPO_URL`` from
``git remote get-url origin`` when the variable is not set and the remote is on GitHub.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_GITHUB_REMOTE = re.compile(
    r"^(?:https://github\.com/|ssh://git@github\.com/|git@github\.com:)"
    r"(?P<owner>[A-Za-z0-9][A-Za-z0-9-]{0,38})/(?P<name>[A-Za-z0-9._-]{1,100}?)(?:\.git)?/?$"
)


def github_url(remote: str) -> str | None:
    """``https://github.com/<owner>/<name>`` for a GitHub remote address, else None."""
    match = _GITHUB_REMOTE.match(remote.strip())
    if not match:
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


def repo_environment(root: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    """``environ`` (default: this process's) with ``REPO_URL`` set from origin when it is unset."""
    env = dict(os.environ if environ is None else environ)
    if not env.get("REPO_URL"):
        url = origin_url(root)
        if url:
            env["REPO_URL"] = url
    return env
