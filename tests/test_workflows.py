"""The GitHub Actions workflows and the pre-commit hook: they parse, hold least privilege, pin their
actions, and run the same commands the README gives."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
WRITE_SCOPES_OF_DEPLOY = {"pages": "write", "id-token": "write"}


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _run_lines(workflow: dict[str, Any]) -> list[str]:
    return [line.strip() for step in _steps(workflow) for line in step.get("run", "").splitlines()]


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    return [line.split("#")[0].strip() for block in blocks for line in block.splitlines() if line.split("#")[0].strip()]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_workflow_parses_and_never_uses_pull_request_target(path: Path) -> None:
    workflow = _load(path)
    assert workflow["name"] and workflow["jobs"]
    code = [line.split("#")[0] for line in path.read_text(encoding="utf-8").splitlines()]
    assert not any("pull_request_target" in line for line in code)
    assert "pull_request_target" not in workflow["on"]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_version(path: Path) -> None:
    uses = [step["uses"] for step in _steps(_load(path)) if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", action), action


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_token_is_read_only_except_where_pages_are_deployed(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        writes = {scope: level for scope, level in permissions.items() if level == "write"}
        if name == "deploy":
            assert writes == WRITE_SCOPES_OF_DEPLOY
        else:
            assert writes == {}, name
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, "the token must not stay in .git"


def test_pull_requests_are_validated_built_and_tested_with_the_readme_commands() -> None:
    workflow = _load(WORKFLOWS / "pull-request.yml")
    assert set(workflow["on"]) == {"pull_request"}
    runs = _run_lines(workflow)
    commands = _readme_commands()
    for command in ("scripts/build.sh", "scripts/test.sh"):
        assert command in commands and command in runs, command
    assert ".venv/bin/python -m generator validate" in runs
    assert runs.index(".venv/bin/python -m generator validate") < runs.index("scripts/build.sh") < runs.index(
        "scripts/test.sh")
    assert "python -m generator validate" in (REPO / "README.md").read_text(encoding="utf-8")


def test_main_is_built_and_deployed_to_pages() -> None:
    workflow = _load(WORKFLOWS / "deploy.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "scripts/build.sh" in _run_lines({"jobs": {"build": build}})
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") and step["with"]["path"] == "site/"
               for step in build["steps"])
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_pre_commit_runs_the_validator_on_changed_place_files() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["validate-places"]
    assert hook["entry"].endswith("-m generator validate")
    assert re.search(hook["files"], "site-data/places/little-snoring.yaml")
    assert not re.search(hook["files"], "generator/build.py")
    assert hooks["place-schema"]["entry"].endswith("-m generator schema --check")
