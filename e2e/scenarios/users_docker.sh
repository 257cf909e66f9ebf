# The machine's own Docker keeps working while Berth starts its private engine, runs a task,
# restarts and stops: the user's docker0 keeps its address, the user's container keeps running,
# and a new `docker run` on the user's default bridge works, after every step. The "user's"
# engine is started here (its own socket, data root, exec root and pid file, default bridge
# docker0); everything this test makes is removed on exit, by pid, and what was there before it
# (a docker0, Docker's iptables chains) is used as it is and left.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "users_docker: needs root (it starts Docker engines)" >&2; exit 1; }

work="$(mktemp -d /tmp/berth-users-docker.XXXXXX)"
user="$work/user"
mkdir -p "$user"
userd() { DOCKER_HOST="unix://$user/docker.sock" docker "$@"; }
berth_pid=""
user_pid=""
vpc=""
made_docker0=false
made_chains=false
[ -e /sys/class/net/docker0 ] || made_docker0=true
iptables -S 2>/dev/null | grep -q '^-N DOCKER' || iptables -t nat -S 2>/dev/null | grep -q '^-N DOCKER' || made_chains=true

cleanup() {
  status=$?
  set +e
  if [ -n "$berth_pid" ]; then kill "$berth_pid" 2>/dev/null; wait "$berth_pid" 2>/dev/null; fi
  # The private engine with Berth's task containers, their envelopes, then a task network left behind.
  "$ROOT/bin/docker-engine" stop "$work/data/docker"
  if [ -n "$vpc" ] && [ -e "/sys/class/net/bv${vpc: -12}" ]; then ip link del "bv${vpc: -12}"; fi
  if [ -n "$user_pid" ]; then
    userd ps -aq | xargs -r env DOCKER_HOST="unix://$user/docker.sock" docker rm -f >/dev/null 2>&1
    kill "$user_pid" 2>/dev/null
    while kill -0 "$user_pid" 2>/dev/null; do sleep 0.1; done
  fi
  if $made_docker0; then ip link del docker0 2>/dev/null; fi
  if $made_chains; then
    # What the user's engine added to the host's iptables: its jumps, its NAT rule, its chains.
    for table in filter nat; do
      iptables -t "$table" -S | grep -E '^-A (FORWARD|OUTPUT|PREROUTING|POSTROUTING) .*(-j DOCKER|-[io] docker0)' |
        while read -r rule; do eval "iptables -t $table ${rule/-A/-D}"; done
      for chain in $(iptables -t "$table" -S | sed -n 's/^-N \(DOCKER.*\)/\1/p'); do
        iptables -t "$table" -F "$chain"
      done
      for chain in $(iptables -t "$table" -S | sed -n 's/^-N \(DOCKER.*\)/\1/p'); do
        iptables -t "$table" -X "$chain"
      done
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# The user's engine: iptables as Docker does by default (unless the host has Docker's chains
# already: another engine's, left alone); forwarding left as it is, so nothing else on the host changes.
echo '{}' >"$user/daemon.json"
options=(--iptables="$made_chains" --ip-forward=false)
if ! $made_docker0; then
  # docker0 is someone's: addresses from a corner of it, away from that engine's own.
  subnet="$(ip -4 -o addr show docker0 | awk '{print $4}' | head -n 1)"
  options+=(--fixed-cidr "$("$PYTHON" -c 'import ipaddress, sys
n = ipaddress.ip_interface(sys.argv[1]).network
print(list(n.subnets(new_prefix=max(n.prefixlen, 28)))[-1])' "$subnet")")
fi
setsid dockerd --config-file "$user/daemon.json" --host "unix://$user/docker.sock" --data-root "$user/root" \
  --exec-root "$user/exec" --pidfile "$user/dockerd.pid" "${options[@]}" >"$user/log" 2>&1 </dev/null &
user_pid=$!
for _ in $(seq 300); do userd version >/dev/null 2>&1 && break; kill -0 "$user_pid" || break; sleep 0.1; done
userd version >/dev/null || { echo "the user's engine did not start:"; tail -n 20 "$user/log"; exit 1; }

root="$work/busybox"
mkdir -p "$root/bin"
cp /bin/busybox "$root/bin/busybox"
for applet in sh sleep ip ping true; do ln -s busybox "$root/bin/$applet"; done
tar -C "$root" -c . | userd import - users/busybox:1 >/dev/null
userd run -d --name users-app users/busybox:1 sleep 3600 >/dev/null 2>&1
address="$(ip -4 -o addr show docker0 | awk '{print $4}')"
app_ip="$(userd inspect -f '{{ .NetworkSettings.IPAddress }}' users-app)"
[ -n "$address" ] && [ -n "$app_ip" ]
chains() { iptables-save 2>/dev/null | grep -E 'DOCKER|docker0' | sort; }
chains_before="$(chains)"

check() {  # check STEP
  local now
  now="$(ip -4 -o addr show docker0 2>/dev/null | awk '{print $4}' || true)"
  [ "$now" = "$address" ] || { echo "after $1: docker0 has '$now', not $address"; exit 1; }
  [ "$(userd inspect -f '{{ .State.Running }}' users-app)" = true ] || { echo "after $1: the user's container stopped"; exit 1; }
  userd run --rm --network bridge users/busybox:1 ping -c 1 -W 5 "$app_ip" >/dev/null 2>&1 ||
    { echo "after $1: a new container on the user's bridge cannot reach the user's container"; exit 1; }
  [ "$(chains)" = "$chains_before" ] || { echo "after $1: the host's Docker iptables rules changed"; exit 1; }
}
check "the user's engine started"

port="$(free_port)"
start_berth() {  # start_berth LOG: Berth with its private engine under $work/data/docker
  env -u DOCKER_HOST "$BERTH" up --port "$port" --data-dir "$work/data" >"$work/$1" 2>&1 &
  berth_pid=$!
  wait_healthy "$port" "$berth_pid" || { cat "$work/$1"; exit 1; }
}
stop_berth() {
  kill "$berth_pid"
  wait "$berth_pid" || true
  berth_pid=""
}
task_status() {
  aws ecs describe-tasks --tasks "$task" --query 'tasks[0].lastStatus' --output text
}

start_berth berth1.log
check "Berth started its private engine"
tr '\0' ' ' <"/proc/$(cat "$work/data/docker/dockerd.pid")/cmdline" | grep -q -- "--bridge berth-" ||
  { echo "the private engine runs without a bridge of its own"; exit 1; }
eval "$("$BERTH" credentials --port "$port" --data-dir "$work/data")"
vpc="$(aws ec2 describe-vpcs --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text)"
aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc \
  --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"busybox","command":["httpd","-f"]}]' >/dev/null
subnet="$(aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query 'Subnets[0].SubnetId' --output text)"
task="$(aws ecs run-task --task-definition web --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[$subnet]}" --query 'tasks[0].taskArn' --output text)"
for _ in $(seq 240); do [ "$(task_status)" = RUNNING ] && break; sleep 0.5; done
[ "$(task_status)" = RUNNING ] || { echo "the task did not run: $(task_status)"; cat "$work/berth1.log"; exit 1; }
check "a task ran"

stop_berth
check "Berth stopped"
start_berth berth2.log
check "Berth restarted"
[ "$(task_status)" = RUNNING ] || { echo "the restarted Berth did not keep the task: $(task_status)"; exit 1; }
stop_berth
check "Berth stopped with a task running"
start_berth berth3.log
aws ecs stop-task --task "$task" >/dev/null
for _ in $(seq 240); do [ "$(task_status)" = STOPPED ] && break; sleep 0.5; done
[ "$(task_status)" = STOPPED ] || { echo "the task did not stop: $(task_status)"; exit 1; }
stop_berth
check "Berth stopped"

"$ROOT/bin/docker-engine" stop "$work/data/docker"
check "the private engine stopped"
if ls /sys/class/net | grep -q "^berth-$(printf %s "$work/data/docker" | sha256sum | cut -c1-8)$"; then
  echo "the private engine's bridge outlived it"; exit 1
fi
echo ok
