#!/usr/bin/env bash
# End to end: `midair demo` live in tmux. The stage shows both actors and the
# 409; q ends it; SIGINT and a hang-up (the terminal closing) stop it too. Each
# time, the midair process must be gone and its temporary directory removed.
#
# Usage: Tests/e2e/demo-live.sh [path/to/midair]
# (default: $(swift build --show-bin-path)/midair).
set -euo pipefail
bin=${1:-$(swift build --show-bin-path)/midair}
dir=$(mktemp -d /tmp/midair-e2e-demo-XXXXXX)
session=midair-demo-$$
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- screen:"; tmux capture-pane -p -t "$session" 2>/dev/null || true; exit 1; }

# Every run gets a TMPDIR of its own, so its server's directory can be watched.
start() { # run-name, demo arguments...
    local run=$1; shift
    mkdir -p "$dir/$run/tmp"
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux -u new-session -d -s "$session" -x 170 -y 32 \
        "env LANG=C.UTF-8 TERM=xterm-256color TMPDIR=$dir/$run/tmp sh -c '\"$bin\" demo $* ; echo \$? > $dir/$run/status'; sleep 60"
    for _ in $(seq 50); do
        pid=$(midair_under "$(tmux display -p -t "$session" '#{pane_pid}')" || true)
        [ -n "$pid" ] && return 0
        sleep 0.1
    done
    fail "midair demo did not start"
}
midair_under() { # pid: the midair process below it (the pane's shell, then sh -c)
    local p=$1 child
    for _ in 1 2 3; do
        child=$(pgrep -P "$p" | head -1) || return 1
        [ "$(cat "/proc/$child/comm" 2>/dev/null)" = midair ] && { echo "$child"; return 0; }
        p=$child
    done
    return 1
}
wait_for() { # text [tries of 0.1 s]
    for _ in $(seq "${2:-100}"); do tmux capture-pane -p -t "$session" | grep -qF -- "$1" && return 0; sleep 0.1; done
    fail "never showed: $1"
}
wait_gone() { # run-name
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    ! kill -0 "$pid" 2>/dev/null || fail "midair (pid $pid) still runs after $1"
    [ -z "$(ls -A "$dir/$1/tmp")" ] || fail "$1 left $(ls "$dir/$1/tmp") behind"
}

# 1. Both actors side by side, the 409 on screen; q at the end leaves cleanly.
start ended concurrent-edit --speed 6
wait_for " alice "
wait_for " bob "
wait_for "409 edit-conflict" 300
wait_for "The end. q leaves." 300
tmux send-keys -t "$session" q
wait_gone ended
[ "$(cat "$dir/ended/status")" = 0 ] || fail "exit status $(cat "$dir/ended/status") after q"

# 2. SIGINT in the middle: stopped, cleaned up, exit 130.
start interrupted concurrent-edit
wait_for " bob "
kill -INT "$pid"
wait_gone interrupted
[ "$(cat "$dir/interrupted/status")" = 130 ] || fail "exit status $(cat "$dir/interrupted/status") after SIGINT"
tmux capture-pane -p -t "$session" | grep -qF " alice " && fail "the terminal was not given back after SIGINT"

# 3. The terminal goes away (tmux sends SIGHUP): stopped and cleaned up too.
start hungup inventory-race
wait_for " buyer "
tmux kill-session -t "$session"
wait_gone hungup
echo "ok: demo-live"
