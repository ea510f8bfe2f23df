#!/usr/bin/env bash
# End to end, several people on one host over ssh: a real sshd on a loopback
# port, three accounts made for the test (two in the server's group, one
# outside it), a shared midair server for the group.
#   1. Both members edit the same record over ssh in tmux and collide; the
#      second save opens the merge view, a pick is made, the merge is saved;
#      the history names both.
#   2. The outsider is refused with a message naming the socket and group.
#   3. An ssh connection killed mid-edit loses nothing: reopening offers the
#      draft with the typed text.
#
# Usage (as root): Tests/e2e/ssh-multiuser.sh [path/to/midair]
set -euo pipefail
bin=${1:-$(swift build --show-bin-path)/midair}
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root to create accounts"; exit 0; }
sshd=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$sshd" ] || { echo "FAIL: sshd is not installed (apt-get install openssh-server)"; exit 1; }

tag=mde$$
group=${tag}g
ann=${tag}ann bob=${tag}bob eve=${tag}eve
dir=$(mktemp -d /tmp/midair-ssh-XXXXXX)
chmod 755 "$dir"
port=$((20000 + $$ % 20000))
sock=$dir/run/midair.sock
sessions=()

cleanup() {
    for s in "${sessions[@]}"; do tmux kill-session -t "$s" 2>/dev/null || true; done
    [ -n "${sshd_pid:-}" ] && kill "$sshd_pid" 2>/dev/null || true
    [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
    for u in "$ann" "$bob" "$eve"; do pkill -KILL -u "$u" 2>/dev/null || true; userdel -r "$u" >/dev/null 2>&1 || true; done
    groupdel "$group" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for s in "${sessions[@]}"; do echo "--- $s:"; tmux capture-pane -p -t "$s" 2>/dev/null || true; done
    echo "--- server log:"; cat "$dir/serve.log" 2>/dev/null || true
    exit 1
}

# Accounts: two members of the group, one outsider. useradd leaves them
# locked, which sshd refuses even for keys: '*' unlocks without a password.
groupadd "$group"
for u in "$ann" "$bob" "$eve"; do
    useradd -m -s /bin/bash "$u"
    usermod -p '*' "$u"
done
usermod -aG "$group" "$ann"
usermod -aG "$group" "$bob"

# The binary where every account can run it.
mkdir -p "$dir/bin" "$dir/keys"
cp "$bin" "$dir/bin/midair"
chmod 755 "$dir/bin" "$dir/bin/midair"

# sshd: key only, loopback, its own host key and authorized keys.
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$dir/client_key"
for u in "$ann" "$bob" "$eve"; do cp "$dir/client_key.pub" "$dir/keys/$u"; done
chmod 755 "$dir/keys"; chmod 644 "$dir/keys"/*
cat > "$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
AuthorizedKeysFile $dir/keys/%u
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile $dir/sshd.pid
AcceptEnv LANG
CONF
mkdir -p /run/sshd
"$sshd" -D -e -f "$dir/sshd_config" 2>"$dir/sshd.log" &
sshd_pid=$!

# The shared server, for the group only.
"$bin" serve --socket "$sock" --data "$dir/data" --group "$group" >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || fail "the server did not start"
[ "$(stat -c '%a %G' "$sock")" = "660 $group" ] || fail "socket is $(stat -c '%a %G' "$sock")"

ssh_cmd() { # user, command...
    local u=$1; shift
    echo "ssh -tt -p $port -i $dir/client_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR $u@127.0.0.1 $*"
}
for _ in $(seq 50); do $(ssh_cmd "$eve" true) </dev/null >/dev/null 2>&1 && break; sleep 0.2; done

open_editor() { # session user record
    tmux kill-session -t "$1" 2>/dev/null || true
    tmux -u new-session -d -s "$1" -x 110 -y 30 \
        "$(ssh_cmd "$2" "env LANG=C.UTF-8 TERM=xterm-256color MIDAIR_SOCKET=$sock $dir/bin/midair edit $3"); sleep 60"
    sessions+=("$1")
}
wait_for() { # session text
    for _ in $(seq 100); do tmux capture-pane -p -t "$1" | grep -qF -- "$2" && return 0; sleep 0.1; done
    fail "$1 never showed: $2"
}

# 1. Ann and Bob edit the same line of the same record; Ann saves first.
open_editor ann "$ann" articles/welcome
open_editor bob "$bob" articles/welcome
wait_for ann "articles/welcome · v1"
wait_for bob "articles/welcome · v1"
tmux send-keys -t ann Tab; tmux send-keys -t ann -l "Ann was here. "
tmux send-keys -t bob Tab; tmux send-keys -t bob -l "Bob was here. "
wait_for ann "unsaved"; wait_for bob "unsaved"
# Presence, by the kernel's names: each sees the other editing.
wait_for ann "$bob is editing"; wait_for bob "$ann is editing"
tmux send-keys -t ann C-s
wait_for ann "as v2"
tmux send-keys -t bob C-s
wait_for bob "1 conflict left"           # the merge view, opened by the 409
tmux send-keys -t bob b                  # both: yours then theirs
wait_for bob "no conflicts left"
tmux send-keys -t bob C-s
wait_for bob "as v3"
body=$("$bin" get articles/welcome --field body --socket "$sock")
echo "$body" | grep -qF "Bob was here. " || fail "Bob's line is missing: $body"
echo "$body" | grep -qF "Ann was here. " || fail "Ann's line is missing: $body"
history=$("$bin" history articles/welcome --socket "$sock")
echo "$history" | grep -qF "$ann" || fail "history does not name $ann: $history"
echo "$history" | grep -qF "$bob" || fail "history does not name $bob: $history"
tmux kill-session -t ann; tmux kill-session -t bob

# 2. The outsider is refused, at once, with the socket and the group named.
set +e
refused=$(timeout 20 $(ssh_cmd "$eve" "MIDAIR_SOCKET=$sock $dir/bin/midair get articles/welcome") </dev/null 2>&1)
status=$?
set -e
[ "$status" != 0 ] && [ "$status" != 124 ] || fail "the outsider got status $status: $refused"
echo "$refused" | grep -qF "$sock" || fail "the refusal does not name the socket: $refused"
echo "$refused" | grep -qF "$group" || fail "the refusal does not name the group: $refused"

# 3. A dropped connection mid-edit: the typed text comes back as a draft.
open_editor ann "$ann" articles/style-guide
wait_for ann "articles/style-guide · v1"
tmux send-keys -t ann Tab; tmux send-keys -t ann -l "Typed before the line dropped. "
wait_for ann "unsaved"
sleep 1.5                                  # the journal writes within a second
pkill -KILL -f "^ssh -tt -p $port .*$ann@" || true  # the connection dies (not the tmux server)
tmux kill-session -t ann
# The editor whose terminal went away ends rather than lingering.
for _ in $(seq 50); do pgrep -u "$ann" -f "midair edit" >/dev/null || break; sleep 0.1; done
pgrep -u "$ann" -f "midair edit" >/dev/null && fail "the editor outlived its dropped connection"
open_editor ann "$ann" articles/style-guide
wait_for ann "were kept"
tmux send-keys -t ann r
wait_for ann "Typed before the line dropped."
echo "ok: presence and a merge over ssh saved by both, outsider refused, draft survived a dropped connection"
