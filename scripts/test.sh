#!/usr/bin/env bash
# Set up everything the tests need (Python packages, Debian's Chromium, axe-core) and run them.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k escape`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium: the browser tests drive its headless shell (the same engine without the desktop
# browser around it, as Playwright does by default: a third less work per page); Lighthouse and
# screenshots use the full browser.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromium-headless-shell ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-headless-shell >/dev/null
fi

# The locked versions (requirements/test.txt, with hashes; scripts/lock.sh refreshes it).
[ -x .venv/bin/python ] || "$(scripts/python.sh)" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/test.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
if [ -f package.json ]; then
  npm ci --silent --no-audit --no-fund
fi

# The map's and the form's scripts' unit tests first (Node's built-in test runner, no packages): a failure stops here.
node --test tests/js/

# Python keeps the bytecode it compiles (in __pycache__ folders, which git ignores), even where the
# environment sets PYTHONDONTWRITEBYTECODE (our development machines set it): a test run starts about
# a hundred Python processes (builds, the generator's commands, the test workers), and without the
# cache each one compiled the generator again, and each worker rewrote and compiled every test module
# (2.6 of the 5.1 processor-seconds a worker spent collecting the tests).
unset PYTHONDONTWRITEBYTECODE

# One test process per core and one more (pytest-xdist's `auto`, as tests/conftest.py sets it: the
# browser tests wait for Chromium's frames, and the extra worker uses that time). A file's tests stay
# on one worker, so that its module-wide fixtures (a build, a browser page) are made once. The files are handed out in the order
# tests/conftest.py puts them in, longest first, so that no worker is left alone with a long one at
# the end.
exec .venv/bin/python -m pytest -n auto --dist loadfile --no-loadscope-reorder "$@"
