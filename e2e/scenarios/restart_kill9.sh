# What Berth acknowledged survives kill -9: a second Berth of its own is killed and restarted.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
work="$(mktemp -d)"
port="$(free_port)"
pid=""
stop() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
trap 'stop; rm -rf "$work"' EXIT

"$BERTH" up --port "$port" --data-dir "$work/data" >"$work/log1" 2>&1 &
pid=$!
wait_healthy "$port" "$pid" || { cat "$work/log1"; exit 1; }
eval "$("$BERTH" credentials --port "$port" --data-dir "$work/data")"
aws ecs create-cluster --cluster-name survivor >/dev/null
aws ecs register-task-definition --family survivor --requires-compatibilities FARGATE --network-mode awsvpc \
  --cpu 256 --memory 512 --container-definitions '[{"name":"c","image":"busybox"}]' >/dev/null
kill -9 "$pid"
wait "$pid" 2>/dev/null || true

"$BERTH" up --port "$port" --data-dir "$work/data" >"$work/log2" 2>&1 &
pid=$!
wait_healthy "$port" "$pid" || { cat "$work/log2"; exit 1; }
aws ecs list-clusters --query clusterArns --output text | grep -q "cluster/survivor"
[ "$(aws ecs describe-task-definition --task-definition survivor --query taskDefinition.revision --output text)" = 1 ]
# The root key pair made at first start is kept, readable by its owner only.
[ "$(stat -c %a "$work/data/root-credentials.json")" = 600 ]
echo ok
