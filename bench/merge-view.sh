#!/usr/bin/env bash
# Benchmark: the merge view on a record whose multiline field has 100k lines,
# 1% of them changed on each side (a tenth of the places shared, so some
# overlap). Prints the median wall time of the first frame and of one
# keystroke (update, view and terminal update), and the peak memory against
# the record's size. Targets: 100 ms, 1 ms, 5x.
#
#   bench/merge-view.sh                       # release build, 100k lines, 7 runs
#   bench/merge-view.sh --lines 1000000 --runs 3 --size 160x50
set -euo pipefail

cd "$(dirname "$0")/.."
swift build -c release --product midair-bench >&2
"$(swift build -c release --show-bin-path)/midair-bench" "$@"
