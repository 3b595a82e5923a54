#!/usr/bin/env bash
# The operator's loop benchmark with the xumm-sdk-py side-by-side run (issue 7's figures).
# usage: scripts/bench-loop.sh [N]        (default 1000 simulated users)
# env:   VENV (default .build/compat-venv), XUMM_SDK_PY_VERSION (default: latest)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.build/compat-venv}"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q "xumm-sdk-py${XUMM_SDK_PY_VERSION:+==$XUMM_SDK_PY_VERSION}"
swift build -c release --product pushdesk >/dev/null
swift build -c release --product pushdesk-bench >/dev/null
"$(swift build -c release --show-bin-path)/pushdesk-bench" loop "${1:-1000}" --python "$VENV/bin/python"
