#!/usr/bin/env bash
# End to end, two people on one record: a real server over TCP with a bearer
# token each (alice, bob), `midair edit` for each in tmux, the screens checked.
#   1. Presence and the lock: alice edits with --lock; both title bars say who
#      holds it and who is viewing or editing; bob's save meets the 423 screen,
#      he waits, alice leaves without saving, and bob's save goes through as
#      soon as her lock is released: the record is his text, saved by bob.
#   2. The server restarts under bob's unsaved edits: the status line says the
#      server is away, ^S keeps the edits, the editor reconnects by itself to
#      the server back on the same address, and ^S then saves.
#
# Usage: Tests/e2e/collab-tui.sh [path/to/midair]
# (default: $(swift build --show-bin-path)/midair).
set -euo pipefail
bin=${1:-$(swift build --show-bin-path)/midair}
dir=$(mktemp -d /tmp/midair-collab-XXXXXX)
sock=$dir/s.sock
rows=30
# A tmux server of our own (its socket in $dir): no other session is touched.
tm() { tmux -S "$dir/tmux.sock" "$@"; }
unset MIDAIR_SOCKET MIDAIR_URL MIDAIR_TOKEN

running() { # pid: it exists and is not a zombie
    local state
    state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null) && [ -n "$state" ] && [ "$state" != Z ]
}
panes=()
cleanup() {
    tm kill-server 2>/dev/null || true
    # Whatever outlived kill-server: the tmux server, then each pane's processes.
    # (Not our child, it may stay a zombie for a while: that counts as gone.)
    if [ -n "${tmux_pid:-}" ]; then
        for _ in $(seq 20); do running "$tmux_pid" || break; sleep 0.1; done
        kill -KILL "$tmux_pid" 2>/dev/null || true
    fi
    for p in "${panes[@]}"; do kill -KILL -- "-$p" 2>/dev/null || true; done
    if [ -n "${server:-}" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT
# It stays up between sessions: a server exiting as the last session closes
# races the next new-session ("server exited unexpectedly").
tm start-server \; set -s exit-empty off
tmux_pid=$(tm display -p '#{pid}')
fail() {
    echo "FAIL: $*"
    for s in alice bob; do echo "--- $s:"; tm capture-pane -p -t "$s" 2>/dev/null || true; done
    for log in "$dir"/serve-*.log; do echo "--- ${log##*/}:"; cat "$log" 2>/dev/null || true; done
    exit 1
}

# The server: a unix socket for the checks here, TCP for the two editors. The
# first start takes any free port (0) and reads it from its log; a restart
# asks for that port again, retrying while the old socket lets go of it. It is
# up once it says it listens on TCP (it opens the unix socket first, and exits
# when the port cannot be had) and answers.
starts=0
start_server() { # port
    local log
    for _ in $(seq 40); do
        starts=$((starts + 1)); log=$dir/serve-$starts.log
        "$bin" serve --socket "$sock" --data "$dir/data" --listen "127.0.0.1:$1" >"$log" 2>&1 &
        server=$!
        for _ in $(seq 100); do
            kill -0 "$server" 2>/dev/null || break
            grep -qF 'listening on http://' "$log" 2>/dev/null && "$bin" get articles/welcome --socket "$sock" >/dev/null 2>&1 && return 0
            sleep 0.1
        done
        kill -0 "$server" 2>/dev/null && fail "the server (pid $server) does not answer"
        sleep 0.25
    done
    fail "the server did not start on 127.0.0.1:$1"
}
stop_server() {
    kill -TERM "$server"
    for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    ! kill -0 "$server" 2>/dev/null || fail "the server (pid $server) still runs 10 s after SIGTERM"
    wait "$server" 2>/dev/null || true
    server=
}
start_server 0
port=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$dir/serve-$starts.log" | head -1 | sed 's/.*://')
[ -n "$port" ] || fail "no TCP port in the server log"
url=http://127.0.0.1:$port
alice_token=$("$bin" token add alice --data "$dir/data" | tail -1)
bob_token=$("$bin" token add bob --data "$dir/data" | tail -1)
[ -n "$alice_token" ] && [ -n "$bob_token" ] || fail "token add printed no token"

open_editor() { # session token arguments...
    local who=$1 token=$2; shift 2
    tm kill-session -t "$who" 2>/dev/null || true
    mkdir -p "$dir/home-$who"
    tm -u new-session -d -s "$who" -x 100 -y "$rows" \
        "env LANG=C.UTF-8 TERM=xterm-256color HOME=$dir/home-$who XDG_STATE_HOME=$dir/home-$who/state \
XDG_RUNTIME_DIR=$dir/home-$who XDG_DATA_HOME=$dir/home-$who/data MIDAIR_URL=$url MIDAIR_TOKEN=$token \
$bin edit $*; echo \"midair exited \$?\"; sleep 60"
    panes+=("$(tm display -p -t "$who" '#{pane_pid}')")
}
row() { # session row (0 is the top): that row of the screen
    tm capture-pane -p -t "$1" -S "$2" -E "$2"
}
wait_for() { # session text [row]: on the screen, or on that row, within 10 s
    for _ in $(seq 100); do
        if [ -n "${3:-}" ]; then row "$1" "$3"; else tm capture-pane -p -t "$1"; fi | grep -qF -- "$2" && return 0
        sleep 0.1
    done
    fail "$1 never showed${3:+ on row $3}: $2"
}
title=0 status=$((rows - 2))

# 1. Alice holds the lock; bob sees it, and who is doing what.
open_editor alice "$alice_token" --lock articles/style-guide
wait_for alice "locked by you" $title
open_editor bob "$bob_token" articles/style-guide
wait_for bob "locked by alice" $title
wait_for bob "alice is viewing" $title
wait_for alice "bob is viewing" $title
tm send-keys -t alice End
tm send-keys -t alice -l ' (draft)'
wait_for alice "unsaved" $status
wait_for bob "alice is editing" $title
# Bob's save is refused by the lock, he waits for it.
tm send-keys -t bob Tab
tm send-keys -t bob -l 'Bob was here. '
wait_for bob "unsaved" $status
tm send-keys -t bob C-s
wait_for bob "locked: articles/style-guide" $title
wait_for bob "alice holds the lock on articles/style-guide"
wait_for bob "Your edits, typed on v1, are kept:"
wait_for bob "Bob was here."
tm send-keys -t bob w
wait_for bob "waiting for the lock" $status
"$bin" get articles/style-guide --json --socket "$sock" | grep -qE '"version" *: *1,?$' \
    || fail "the record changed while alice held the lock"
# Alice leaves without saving: the lock is released and bob's save goes through.
tm send-keys -t alice Escape
wait_for alice "Unsaved changes"
tm send-keys -t alice d
wait_for alice "midair exited 0"
wait_for bob "once alice's lock was released"
wait_for bob "articles/style-guide · v2" $status
stored=$("$bin" get articles/style-guide --json --socket "$sock")
echo "$stored" | grep -qF 'Bob was here. Write short sentences.' || fail "bob's text is not stored: $stored"
echo "$stored" | grep -qE '"updated_by" *: *"bob"' || fail "not saved by bob: $stored"
if echo "$stored" | grep -qF '(draft)'; then fail "alice's discarded text was stored: $stored"; fi
history=$("$bin" history articles/style-guide --socket "$sock")
echo "$history" | grep -qE '^v2 .* bob ' || fail "the history does not name bob for v2: $history"
tm kill-session -t alice; tm kill-session -t bob

# 2. The server goes away under bob's unsaved edits, and comes back.
open_editor bob "$bob_token" articles/welcome
wait_for bob "articles/welcome · v1" $status
tm send-keys -t bob Tab
tm send-keys -t bob -l 'Typed across a restart. '
wait_for bob "unsaved" $status
stop_server
wait_for bob "server away" $status
wait_for bob "edits kept" $status
tm send-keys -t bob C-s
wait_for bob "Not saved: the server is not answering. Your edits are kept" $((rows - 1))
wait_for bob "unsaved" $status
start_server "$port"
wait_for bob "Reconnected to the server. Your edits are here"
tm send-keys -t bob C-s
wait_for bob "Saved articles/welcome as v2."
body=$("$bin" get articles/welcome --field body --socket "$sock")
echo "$body" | grep -qF 'Typed across a restart. ' || fail "the typed text is not stored: $body"
echo "ok: collab-tui (lock and presence on both title bars, 423 wait saved once alice left; server restart kept and saved bob's edits)"
