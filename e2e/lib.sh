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

# Terraform scenarios. terraform_setup makes $TF_DIR with a CLI configuration that installs the AWS
# provider from the machine image's mirror, and removes it on exit after destroying what was applied
# (TF_APPLIED=yes; TF_DESTROY_ARGS for variables). Terraform is part of this kind of machine: a
# missing Terraform or mirror fails the scenario.
TF_PROVIDER_VERSION=5.100.0
terraform_setup() {
  TERRAFORM="${TERRAFORM:-terraform}"
  local mirror="${TF_PLUGIN_MIRROR:-/opt/tf-plugins}"
  command -v "$TERRAFORM" >/dev/null 2>&1 || { echo "terraform is not installed (looked for '$TERRAFORM')"; exit 1; }
  [ -d "$mirror/registry.terraform.io/hashicorp/aws/$TF_PROVIDER_VERSION" ] \
    || { echo "no hashicorp/aws $TF_PROVIDER_VERSION in the provider mirror $mirror (set TF_PLUGIN_MIRROR)"; exit 1; }
  TF_DIR="$(mktemp -d)"
  TF_APPLIED=""
  TF_DESTROY_ARGS=()
  trap terraform_cleanup EXIT
  export TF_CLI_CONFIG_FILE="$TF_DIR/cli.tfrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
  unset TF_DATA_DIR TF_PLUGIN_CACHE_DIR TF_WORKSPACE
  printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "$mirror" >"$TF_CLI_CONFIG_FILE"
}

# A failed run leaves nothing behind in the shared Berth: destroy what was applied, quietly.
terraform_cleanup() {
  if [ -n "$TF_APPLIED" ]; then
    "$TERRAFORM" -chdir="$TF_DIR" destroy -auto-approve -input=false -no-color "${TF_DESTROY_ARGS[@]}" >/dev/null 2>&1 || true
  fi
  rm -rf "$TF_DIR"
}

tf() {
  echo "+ terraform $*"
  "$TERRAFORM" -chdir="$TF_DIR" "$@" -input=false -no-color
}

tf_output() {
  "$TERRAFORM" -chdir="$TF_DIR" output -raw "$1"
}

# tf_plan_unchanged [ARGS...]: a plan that finds nothing to change.
tf_plan_unchanged() {
  local status=0
  tf plan -detailed-exitcode "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "a plan wants changes or failed (exit $status): Berth answered differently from what was applied"
    exit 1
  fi
}
