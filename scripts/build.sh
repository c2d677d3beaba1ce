#!/usr/bin/env bash
# Set up (a virtual environment in .venv, with the locked versions in requirements/build.txt) and
# build the site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || "$(scripts/python.sh)" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/build.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
.venv/bin/python -m generator build "$@"
