# The command line answers mistakes with one clear line, not a stack trace.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

one_line_failure() {  # one_line_failure EXPECTED_TEXT COMMAND...
  local expected="$1"; shift
  if "$@" >"$work/out" 2>"$work/err"; then echo "succeeded: $*"; exit 1; fi
  [ "$(grep -c . "$work/err")" = 1 ] || { echo "not one line: $*"; cat "$work/err"; exit 1; }
  grep -q "$expected" "$work/err" || { echo "unexpected: $(cat "$work/err")"; exit 1; }
  if grep -q "Exception\|\tat " "$work/err"; then echo "stack trace: $*"; exit 1; fi
}

"$BERTH" --help | grep -q "up"
"$BERTH" up --help >"$work/help"
for flag in --port --bind --data-dir --region --account-id --log-level --access-key-id --secret-access-key; do
  grep -q -- "$flag" "$work/help" || { echo "--help lacks $flag"; exit 1; }
done
"$BERTH" version | grep -q "^berth "

one_line_failure "Unknown option" "$BERTH" up --no-such-flag
one_line_failure "data directory" "$BERTH" up --port 0 --data-dir /proc/berth-cannot-write-here
touch "$work/file"
one_line_failure "data directory" "$BERTH" up --port 0 --data-dir "$work/file/sub"
port="$(free_port)"
"$PYTHON" -c 'import signal,socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); signal.pause()' "$port" &
holder=$!
trap 'kill $holder 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do "$PYTHON" -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break; done
one_line_failure "cannot listen" "$BERTH" up --port "$port" --data-dir "$work/data"
one_line_failure "start Berth once" "$BERTH" credentials --data-dir "$work/empty"
BERTH_ACCESS_KEY_ID=AKIAFIXEDFIXEDFIXED0 BERTH_SECRET_ACCESS_KEY=fixed "$BERTH" credentials --port 9999 \
  | grep -qx "export AWS_ACCESS_KEY_ID=AKIAFIXEDFIXEDFIXED0"
echo ok
