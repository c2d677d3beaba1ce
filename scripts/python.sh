#!/usr/bin/env bash
# Prints the Python that build.sh and test.sh make .venv with (they keep an existing .venv):
#   $PYTHON, if it is set;
#   else the system's own Python, /usr/bin/python3 ($SYSTEM_PYTHON if set), if it is 3.11 or newer
#   and can make a virtual environment (on Debian, the python3-venv package);
#   else the first python3 on PATH.
# The system's comes first because it is the faster one on our machines: Debian builds its Python
# with profile-guided and link-time optimisation and links libpython into the interpreter, where the
# pyenv Python first on PATH was built without them and loads libpython as a shared library. On the
# 2-core machine the test suite needed about a tenth less processor time with Debian's
# (BENCHMARKS.md, "2026-11-28, second session").
set -euo pipefail
if [ -n "${PYTHON:-}" ]; then
  echo "$PYTHON"
  exit 0
fi
system="${SYSTEM_PYTHON:-/usr/bin/python3}"
if "$system" -c 'import ensurepip, sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
  echo "$system"
else
  echo python3
fi
