#!/usr/bin/env bash
# Benchmark: midair merge-file against git merge-file on large generated inputs.
#
# For each size, generates a base file and two sides that each change 1% of
# the lines at random places (a tenth of those places shared with the other
# side, so they overlap), then runs both tools with -p and reports wall time
# (s), peak memory (KB) and the ratios midair/git (best of $RUNS runs).
#
#   bench/merge-file.sh                     # builds midair in release mode
#   MIDAIR_BIN=path/to/midair bench/merge-file.sh
#   SIZES="100000 1000000" RUNS=3 bench/merge-file.sh
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100000 1000000"}
RUNS=${RUNS:-3}
TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
    echo "installing GNU time" >&2
    apt-get install -y time >/dev/null
fi
if [[ -z ${MIDAIR_BIN:-} ]]; then
    swift build -c release --product midair >&2
    MIDAIR_BIN="$(swift build -c release --show-bin-path)/midair"
fi
GIT=${GIT:-git}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

generate() { # lines dir
    python3 - "$1" "$2" <<'PY'
import random, sys
n, d = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(n)
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
def line(i):
    return f"{i:7d} " + " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 8))) + "\n"
base = [line(i) for i in range(n)]
changes = max(1, n // 100)
shared = set(rnd.sample(range(n), changes // 10))
def side(tag):
    lines = list(base)
    places = set(rnd.sample(range(n), changes - len(shared))) | shared
    for p in sorted(places, reverse=True):
        r = rnd.random()
        if r < 0.6:
            lines[p] = f"{tag} edit " + lines[p]
        elif r < 0.8:
            lines.insert(p, f"{tag} insert {p}\n")
        else:
            del lines[p]
    return lines
for name, lines in (("base", base), ("ours", side("ours")), ("theirs", side("theirs"))):
    with open(f"{d}/{name}", "w") as f:
        f.writelines(lines)
PY
}

measure() { # command... -> prints "seconds kilobytes" (best time, its memory)
    local best="" out
    for _ in $(seq "$RUNS"); do
        out=$({ $TIME -f "%e %M" "$@" 2>&1 >/dev/null || true; } | tail -1)
        if [[ -z $best ]] || awk -v a="${out% *}" -v b="${best% *}" 'BEGIN{exit !(a<b)}'; then best=$out; fi
    done
    echo "$best"
}

printf '%-9s %-7s %9s %10s %9s %10s %8s %8s %s\n' lines conflicts git_s git_KB midair_s midair_KB time_x mem_x same_output
for n in $SIZES; do
    d="$WORK/$n"
    mkdir -p "$d"
    generate "$n" "$d"
    set +e
    "$GIT" merge-file -p "$d/ours" "$d/base" "$d/theirs" >"$d/git.out"
    conflicts=$?
    "$MIDAIR_BIN" merge-file -p "$d/ours" "$d/base" "$d/theirs" >"$d/midair.out"
    mine=$?
    set -e
    same=yes
    if [[ $conflicts != "$mine" ]] || ! cmp -s "$d/git.out" "$d/midair.out"; then same="NO (git $conflicts, midair $mine)"; fi
    read -r gs gk < <(measure "$GIT" merge-file -p "$d/ours" "$d/base" "$d/theirs")
    read -r ms mk < <(measure "$MIDAIR_BIN" merge-file -p "$d/ours" "$d/base" "$d/theirs")
    printf '%-9s %-7s %9s %10s %9s %10s %8s %8s %s\n' "$n" "$conflicts" "$gs" "$gk" "$ms" "$mk" \
        "$(awk -v a="$ms" -v b="$gs" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')" \
        "$(awk -v a="$mk" -v b="$gk" 'BEGIN{printf "%.2f", a / b}')" "$same"
done
