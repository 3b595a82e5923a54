#!/usr/bin/env bash
# Longer resource soak: runs the resource-bounds test N times (default 10) in one build and prints
# the RSS / file-descriptor figures of each run, so growth across runs is visible.
#   scripts/soak-resources.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
swift build --build-tests >/dev/null
for i in $(seq 1 "$runs"); do
  swift test --skip-build --filter ReliabilityResourceTests 2>&1 | grep '\[reliability\] resources' | sed "s/^/run $i: /"
done
