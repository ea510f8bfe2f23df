#!/usr/bin/env bash
# End to end: a real server, `midair edit` in tmux, keys sent, the screen and
# then the stored record checked; and every byte written to the terminal for
# a record full of escape sequences searched for them.
#
# Usage: Tests/e2e/tui-editor.sh [path/to/midair]
# (default: $(swift build --show-bin-path)/midair). MIDAIR_EDIT overrides the
# editor command (it gets the record as its last argument; {socket} in it is
# replaced by the server's socket).
set -euo pipefail
bin=${1:-$(swift build --show-bin-path)/midair}
dir=$(mktemp -d /tmp/midair-e2e-XXXXXX)
sock=$dir/s.sock
session=midair-e2e-$$
export MIDAIR_SOCKET=$sock
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- screen:"; tmux capture-pane -p -t "$session" 2>/dev/null || true; exit 1; }

"$bin" serve --socket "$sock" --data "$dir/data" >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do "$bin" get articles/welcome --socket "$sock" >/dev/null 2>&1 && break; sleep 0.1; done

edit=${MIDAIR_EDIT:-"$bin edit"}
edit=${edit//\{socket\}/$sock}
start() { # record
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux -u new-session -d -s "$session" -x 100 -y 30 \
        "env LANG=C.UTF-8 TERM=xterm-256color MIDAIR_SOCKET=$sock XDG_STATE_HOME=$dir/state $edit $1; sleep 60"
}
wait_for() { # text
    for _ in $(seq 50); do tmux capture-pane -p -t "$session" | grep -qF -- "$1" && return 0; sleep 0.1; done
    fail "never showed: $1"
}

# 1. Edit the title and the body (wide characters included), save, check the store.
start articles/welcome
wait_for "articles/welcome · v1"
tmux send-keys -t "$session" End
tmux send-keys -t "$session" -l ' 漢字'
tmux send-keys -t "$session" Tab
tmux send-keys -t "$session" -l 'Top line'
tmux send-keys -t "$session" Enter
wait_for "unsaved"
sleep 1.2 # the drafts journal writes within a second
[ -f "$dir/state/midair/drafts/articles/welcome.json" ] || fail "no draft journaled"
tmux send-keys -t "$session" C-s
wait_for "Saved articles/welcome as v2."
stored=$("$bin" get articles/welcome --json --socket "$sock")
echo "$stored" | grep -qF 'Welcome to midair 漢字' || fail "title not stored: $stored"
echo "$stored" | grep -qF 'Top line\n' || fail "body not stored: $stored"
[ ! -f "$dir/state/midair/drafts/articles/welcome.json" ] || fail "draft left after the save"

# 2. Someone else saves meanwhile: the status line says so.
tmux send-keys -t "$session" -l 'x'
"$bin" set articles/welcome tags=changed --socket "$sock" >/dev/null
wait_for "saved v3 · M to merge now"
tmux send-keys -t "$session" Escape
wait_for "Unsaved changes"
tmux send-keys -t "$session" d

# 3. A record full of escape sequences: none of them reaches the terminal.
"$bin" new articles --id evil --socket "$sock" title=$'evil \e]0;pwned\a \e[2J' body=$'\e]52;c;aGk=\a\n\eP1$r\e\\ \xc2\x9b31m \u202e' >/dev/null
start articles/evil
tmux pipe-pane -o -t "$session" "cat >> $dir/raw.bin"
wait_for "^[]0;pwned^G"
tmux send-keys -t "$session" Tab Down
sleep 0.5
tmux pipe-pane -t "$session"
for seq in $'\e]0;' $'\e]52' $'\eP1' $'\xc2\x9b' $'\u202e' pwned; do
    if grep -qF -- "$seq" "$dir/raw.bin" && [ "$seq" != pwned ]; then fail "raw output holds $(printf %q "$seq")"; fi
done
grep -qF '^[]0;pwned' "$dir/raw.bin" || fail "the inert form was not drawn"
echo "ok: tui-editor"
