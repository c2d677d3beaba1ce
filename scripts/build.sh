#!/usr/bin/env bash
# Set up (a virtual environment in .venv) and build the site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
.venv/bin/python -m generator build "$@"
