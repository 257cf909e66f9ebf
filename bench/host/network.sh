# Sourced by bench/run for `bench/run network` (it provides JAVA_HOME, WORK, the jar in $WORK/berth.jar,
# stop, fail_with_log and the client command CLIENT); this part prepares the host and cleans up.
#
# Benchmark of the per-task network set-up: how much Berth's awsvpc wiring (a veth pair into the
# task's namespace with its address, an iptables firewall from its security groups) adds to
# RunTask -> RUNNING, against the same launches with no network set-up as baseline, in one run.
# Starts a private Docker engine (bin/docker-engine) with busybox:latest (bin/test-images) and TWO
# Berths on it from the same jar: one `--task-network on`, the baseline `--task-network off`
# (addresses in the API only), each with its own data dir and free port; runs the load client
# io.berth.bench.NetworkBench (AWS SDK for Java v2 EcsClient + Ec2Client, docker-java), which gives each
# Berth its own VPC, subnet and security group and launches on both, interleaved; prints a table;
# then stops every task, both Berths and the engine and removes what they left (containers, cgroup
# envelopes, the on Berth's bridges and task interfaces), also on Ctrl-C.
#
# Settings (environment):
#   BENCH_TASKS      measured launches on each Berth (20)
#   BENCH_WARMUP     warm-up launches on each before them, not counted (3)
#   BENCH_ANCHOR     1: one task per Berth runs throughout, so the VPC's bridge exists already and
#                    only the per-task set-up is measured (1); 0: every launch also makes the bridge
#   BENCH_CIDR       the VPCs' CIDR, A.B.0.0/16 (default: the first 10.N.0.0/16, N in 200..250, with no
#                    route on this host); the on Berth puts its subnet's gateway on a host bridge
#   BENCH_TIMEOUT    seconds the load client may take at most (300)
#   BENCH_LOG_LEVEL  the Berths' --log-level (info)
#   BENCH_JAR=FILE   benchmark that Berth jar as it is instead of bin/berth's build of the sources
#   BENCH_KEEP=1     keep the work directory (the Berths' logs, the engine's log) and print where it is
# Client, both Berths and dockerd share the machine's CPUs; the table says how many. Needs root (a
# private dockerd, Berth's cgroup envelopes, the task network), Debian's busybox-static, iproute2,
# iptables and util-linux (nsenter). All traffic stays on this host (loopback and Berth's bridge).
# Exit status: 0 when every launch reached RUNNING and the wiring checks passed; the target is
# printed, not asserted.
TASKS="${BENCH_TASKS:-20}"
WARMUP="${BENCH_WARMUP:-3}"
ANCHOR="${BENCH_ANCHOR:-1}"
LOG_LEVEL="${BENCH_LOG_LEVEL:-info}"
TIMEOUT="${BENCH_TIMEOUT:-300}"
ACCESS_KEY_ID="AKIABERTHBENCH000003"
SECRET_ACCESS_KEY="berthBenchSecretKey0000000000000000000003"

ENGINE="$WORK/engine"
ON_PID=""
OFF_PID=""
DOCKER_HOST=""
BERTH_STARTED=""

. "$ROOT/bench/host/engine.sh"
del_link() { # del_link NAME [TYPE]: removes our interface when it is there
  if ip link show dev "$1" ${2:+type "$2"} >/dev/null 2>&1; then
    ip link del "$1" 2>/dev/null || echo "bench: could not remove interface $1" >&2
  fi
}

cleanup() {
  local status=$? interrupted="" pid mount vpc id
  trap - INT TERM
  set +e
  [ -n "$CLIENT_PID" ] || [ "$status" -ne 0 ] && interrupted=1
  stop "$CLIENT_PID" 45   # on SIGTERM the client stops the tasks it started on both Berths (bounded)
  if [ -n "$interrupted" ] && { [ -n "$ON_PID" ] || [ -n "$OFF_PID" ]; } && engine_answers; then
    # Let the Berths finish the sandboxes they are making, so that none is half made when they stop.
    quiet_engine
  fi
  # SIGTERM to both at once, then each awaited (SIGKILL after 10 s).
  for pid in $ON_PID $OFF_PID; do kill "$pid" 2>/dev/null; done
  stop "$ON_PID"
  stop "$OFF_PID"
  clear_engine "$interrupted"
  # The on Berth's interfaces (LinuxTaskNetwork's names): the bridge of each of its VPCs ("bv" + the
  # last 12 characters of the VPC id), which it keeps while a task of the VPC runs, and the host end
  # of each of its tasks ("bt" + the first 12 of the task id), normally gone with the task's namespace.
  if [ -s "$WORK/on-vpcs.txt" ]; then
    for vpc in $(cat "$WORK/on-vpcs.txt"); do
      id="${vpc#vpc-}"
      [ "${#id}" -gt 12 ] && id="${id: -12}"
      del_link "bv$id" bridge
    done
  fi
  if [ -s "$WORK/on-tasks.txt" ]; then
    for id in $(sort -u "$WORK/on-tasks.txt"); do
      del_link "bt${id:0:12}" veth
    done
  fi
  for mount in $(awk -v dir="$WORK/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null
  done
  if [ "${BENCH_KEEP:-}" = 1 ]; then
    echo "bench: kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ "$(id -u)" = 0 ] || { echo "bench: run as root (a private dockerd, cgroup envelopes, the task network)" >&2; exit 1; }
for tool in docker ip nsenter iptables-restore iptables-save; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: the '$tool' command is needed" >&2; exit 1; }
done

# The VPCs' CIDR: one no route of this host covers, so the on Berth's bridge address clashes with nothing.
CIDR="${BENCH_CIDR:-}"
if [ -z "$CIDR" ]; then
  routes="$(ip -4 route show)"
  for n in $(seq 200 250); do
    if ! grep -q "^10\.$n\." <<<"$routes"; then CIDR="10.$n.0.0/16"; break; fi
  done
  [ -n "$CIDR" ] || { echo "bench: no free 10.N.0.0/16 (N 200..250) on this host; set BENCH_CIDR" >&2; exit 1; }
fi

# 2. A private Docker engine of our own (never one named by DOCKER_HOST), with busybox:latest.
echo "bench: starting a private Docker engine under $ENGINE" >&2
DOCKER_HOST="$(env -u DOCKER_HOST "$ROOT/bin/docker-engine" "$ENGINE" 2>"$WORK/engine.log")" \
  || { DOCKER_HOST=""; fail_with_log "the Docker engine did not start" "$WORK/engine.log"; }
DOCKERD_PID="$(cat "$ENGINE/dockerd.pid")"
DOCKER_HOST="$DOCKER_HOST" "$ROOT/bin/test-images" >>"$WORK/engine.log" 2>&1 \
  || fail_with_log "importing busybox:latest failed" "$WORK/engine.log"
ENGINE_VERSION="$(engine_docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')"

# 3. Two Berths on that engine, each on a free port (it picks one for --port 0 and prints its endpoint).
BERTH_STARTED="$(date +%s)"
start_berth() { # start_berth on|off: starts it in the background, its log in $WORK/NAME.log
  BERTH_ACCESS_KEY_ID="$ACCESS_KEY_ID" BERTH_SECRET_ACCESS_KEY="$SECRET_ACCESS_KEY" \
    "$JAVA_HOME/bin/java" -jar "$WORK/berth.jar" up --port 0 --data-dir "$WORK/data-$1" \
    --docker-host "$DOCKER_HOST" --log-level "$LOG_LEVEL" --task-network "$1" >"$WORK/$1.log" 2>&1 &
}
await_berth() { # await_berth NAME PID: prints its endpoint once it answers
  local endpoint=""
  for _ in $(seq 1200); do
    kill -0 "$2" 2>/dev/null || fail_with_log "Berth ($1) exited" "$WORK/$1.log"
    endpoint="$(sed -n 's/.*serving the AWS APIs at \(http:[^ ]*\) .*/\1/p' "$WORK/$1.log" | head -n 1)"
    if [ -n "$endpoint" ] && curl -fsS --max-time 1 "$endpoint/_berth/health" >/dev/null 2>&1; then
      echo "$endpoint"
      return 0
    fi
    sleep 0.1
  done
  fail_with_log "Berth ($1) did not become healthy" "$WORK/$1.log"
}
start_berth on
ON_PID=$!
start_berth off
OFF_PID=$!
ON_ENDPOINT="$(await_berth on "$ON_PID")"
OFF_ENDPOINT="$(await_berth off "$OFF_PID")"
for side in on off; do
  grep -q "runtime=docker" "$WORK/$side.log" || fail_with_log "Berth ($side) has no container runtime" "$WORK/$side.log"
done
# The on Berth must really build task networks (it falls back to addresses only without privileges).
grep -q "TASK NETWORKING IS OFF" "$WORK/on.log" && fail_with_log "the on Berth has no task network" "$WORK/on.log"
grep -q "TASK NETWORKING IS OFF" "$WORK/off.log" || fail_with_log "the off Berth did not turn task networking off" "$WORK/off.log"
echo "bench: Berth on (pid $ON_PID) at $ON_ENDPOINT, Berth off (pid $OFF_PID) at $OFF_ENDPOINT;" \
  "dockerd pid $DOCKERD_PID at $DOCKER_HOST; VPCs $CIDR" >&2

# 4. The load, in the background so that a signal to this script is handled at once (see cleanup).
VERSIONS="$(tr -d '\n' <"$WORK/version.txt"), Docker Engine $ENGINE_VERSION, $(iptables --version 2>/dev/null || echo iptables ?)"
timeout -k 10 "$TIMEOUT" "${CLIENT[@]}" network \
  --on-endpoint "$ON_ENDPOINT" --off-endpoint "$OFF_ENDPOINT" \
  --access-key-id "$ACCESS_KEY_ID" --secret-access-key "$SECRET_ACCESS_KEY" --region us-east-1 \
  --docker-host "$DOCKER_HOST" --cidr "$CIDR" --vpc-file "$WORK/on-vpcs.txt" --task-file "$WORK/on-tasks.txt" \
  --tasks "$TASKS" --warmup "$WARMUP" --anchor "$ANCHOR" --on-log "$WORK/on.log" --off-log "$WORK/off.log" \
  --cpus "$(nproc)" --cpu-model "${CPU_MODEL:-unknown CPU}" --versions "$VERSIONS" &
CLIENT_PID=$!
status=0
wait "$CLIENT_PID" || status=$?
CLIENT_PID=""

if [ "$status" -ne 0 ]; then
  echo "bench: the load client failed (exit $status); last lines of on.log:" >&2
  tail -n 20 "$WORK/on.log" >&2 || true
fi
