#!/usr/bin/env bash
# The pre-commit hooks' entry (.pre-commit-config.yaml): `python -m generator <command>` with the
# project's .venv, or, when there is none yet, how to make it.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  cat >&2 <<'HINT'
The place check needs the project's Python environment in .venv, and this checkout has none yet.
Set it up once (it makes .venv with the locked packages and builds the site):

    scripts/build.sh

then commit again. (To commit once without the check: git commit --no-verify.)
HINT
  exit 1
fi
exec .venv/bin/python -m generator "$@"
