# Helpers for the end-to-end scripts.

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_healthy PORT PID: polls /_berth/health until it answers, the process dies, or 120 s pass
# (the first start may build the jar).
wait_healthy() {
  "$PYTHON" - "$1" "$2" <<'PY'
import os, sys, time, urllib.request
port, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit(1)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_berth/health", timeout=1) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
PY
}

# The AWS CLI at Berth's endpoint. Debian's AWS CLI predates AWS_ENDPOINT_URL (CLI 2.13), so the
# endpoint is passed explicitly.
aws() {
  "$AWS" --endpoint-url "$AWS_ENDPOINT_URL" "$@"
}
