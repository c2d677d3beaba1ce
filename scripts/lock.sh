#!/usr/bin/env bash
# Refresh the locked dependencies in requirements/ from pyproject.toml, with uv (`pip install uv`).
#   requirements/test.txt   everything the build and the tests need, with hashes (scripts/test.sh)
#   requirements/build.txt  only what the build needs, at the same versions (scripts/build.sh)
#   requirements/lowest.txt every direct dependency at the lowest version pyproject.toml allows,
#                           to check the lower bounds (tests/project/test_dependencies.py, the PR workflow)
# Run it after changing a version range in pyproject.toml, and commit the three files.
set -euo pipefail
cd "$(dirname "$0")/.."
uv="${UV:-uv}"
common=(--generate-hashes --python-version 3.11 --quiet --custom-compile-command "scripts/lock.sh")
"$uv" pip compile pyproject.toml requirements/setuptools.in --extra test "${common[@]}" -o requirements/test.txt
"$uv" pip compile pyproject.toml requirements/setuptools.in --constraint requirements/test.txt "${common[@]}" \
  -o requirements/build.txt
"$uv" pip compile pyproject.toml requirements/setuptools.in --extra test --resolution lowest-direct "${common[@]}" \
  -o requirements/lowest.txt
