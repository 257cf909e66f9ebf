# Sourced by bench/run for `bench/run launch` (it provides JAVA_HOME, WORK, the jar in $WORK/berth.jar,
# stop, fail_with_log and the client command CLIENT); this part prepares the host and cleans up.
#
# Benchmark of task launches: Berth's RunTask -> RUNNING latency against a bare Docker Engine
# create+start of the same image and command as baseline, and Berth's launch throughput, in one
# run. Starts a private Docker engine (bin/docker-engine) and imports busybox:latest into it
# (bin/test-images), starts Berth on it (fixed keys, temporary data dir, free port), runs the load
# client io.berth.bench.LaunchBench (AWS SDK for Java v2 EcsClient, docker-java), prints a table, then
# stops every task, Berth and the engine and removes what they left, also on Ctrl-C.
#
# Settings (environment):
#   BENCH_TASKS      measured launches of each of Berth and Docker (20)
#   BENCH_WARMUP     warm-up launches of each before them, not counted (3)
#   BENCH_POLL_MS    pause between the DescribeTasks of a measured launch (0: a tight loop, as the
#                    target is defined; a pause shows what the polling itself costs on 2 CPUs)
#   BENCH_BATCHES    RunTask calls of the throughput burst (10; 0 skips the burst) ...
#   BENCH_BATCH_SIZE ... each with this count (10)
#   BENCH_LOG_LEVEL  Berth's --log-level (info); debug also logs every Docker API call's wire traffic
#   BENCH_REQUEST_LOG=1  Berth logs each request's server time (only its request lines at debug
#                    level), and the table shows the medians per operation
#   BENCH_TIMEOUT    seconds the load client may take at most (240)
#   BENCH_BERTH_ARGS more arguments to 'berth up', e.g. "--stopped-task-retention 5"
#   BENCH_JFR=FILE   record a JFR profile (settings=profile) of Berth during the load into FILE
#   BENCH_JAR=FILE   benchmark that Berth jar as it is instead of bin/berth's build of the sources
#   BENCH_KEEP=1     keep the work directory (Berth's log, the engine's log) and print where it is
# Client, Berth and dockerd share the machine's CPUs; the table says how many. Needs root (a
# private dockerd, Berth's cgroup envelopes) and Debian's busybox-static.
# Exit status: 0 when every launch reached RUNNING and every task stopped; targets are printed,
# not asserted.
TASKS="${BENCH_TASKS:-20}"
WARMUP="${BENCH_WARMUP:-3}"
BATCHES="${BENCH_BATCHES:-10}"
BATCH_SIZE="${BENCH_BATCH_SIZE:-10}"
LOG_LEVEL="${BENCH_LOG_LEVEL:-info}"
TIMEOUT="${BENCH_TIMEOUT:-240}"
ACCESS_KEY_ID="AKIABERTHBENCH000002"
SECRET_ACCESS_KEY="berthBenchSecretKey0000000000000000000002"

ENGINE="$WORK/engine"
BERTH_PID=""
JFR_ON=""
DOCKER_HOST=""
BERTH_STARTED=""

. "$ROOT/bench/host/engine.sh"

cleanup() {
  local status=$? interrupted="" mount
  trap - INT TERM
  set +e
  [ -n "$CLIENT_PID" ] || [ "$status" -ne 0 ] && interrupted=1
  stop "$CLIENT_PID" 30   # on SIGTERM the client stops the tasks it started (bounded)
  if [ -n "$interrupted" ] && [ -n "$BERTH_PID" ] && engine_answers; then
    # Let Berth finish the sandboxes it is making, so that none is half made when it stops.
    quiet_engine
  fi
  if [ -n "$JFR_ON" ]; then
    jcmd "$BERTH_PID" JFR.stop name=launch >/dev/null 2>&1 && echo "bench: Berth's JFR recording is in $BENCH_JFR" >&2
  fi
  stop "$BERTH_PID"
  clear_engine "$interrupted"
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

[ "$(id -u)" = 0 ] || { echo "bench: run as root (a private dockerd, Berth's cgroup envelopes)" >&2; exit 1; }
command -v docker >/dev/null 2>&1 || { echo "bench: the docker CLI is needed (bin/test-images uses it)" >&2; exit 1; }

# 2. A private Docker engine of our own (never one named by DOCKER_HOST), with busybox:latest.
echo "bench: starting a private Docker engine under $ENGINE" >&2
DOCKER_HOST="$(env -u DOCKER_HOST "$ROOT/bin/docker-engine" "$ENGINE" 2>"$WORK/engine.log")" \
  || { DOCKER_HOST=""; fail_with_log "the Docker engine did not start" "$WORK/engine.log"; }
DOCKERD_PID="$(cat "$ENGINE/dockerd.pid")"
DOCKER_HOST="$DOCKER_HOST" "$ROOT/bin/test-images" >>"$WORK/engine.log" 2>&1 \
  || fail_with_log "importing busybox:latest failed" "$WORK/engine.log"
ENGINE_VERSION="$(engine_docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')"

# 3. Berth on that engine, on a free port (it picks one for --port 0 and prints its endpoint).
BERTH_STARTED="$(date +%s)"
BERTH_JVM=()
if [ "${BENCH_REQUEST_LOG:-}" = 1 ]; then
  # Berth's own log format (src/main/resources/logback.xml), with the request lines of the dispatcher.
  cat >"$WORK/logback.xml" <<'XML'
<configuration>
  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} %msg%n</pattern></encoder>
  </appender>
  <logger name="io.berth.edge.Dispatcher" level="DEBUG"/>
  <root level="INFO"><appender-ref ref="STDERR"/></root>
</configuration>
XML
  BERTH_JVM=(-Dlogback.configurationFile="$WORK/logback.xml")
fi
BERTH_ACCESS_KEY_ID="$ACCESS_KEY_ID" BERTH_SECRET_ACCESS_KEY="$SECRET_ACCESS_KEY" \
  "$JAVA_HOME/bin/java" "${BERTH_JVM[@]}" -jar "$WORK/berth.jar" up --port 0 --data-dir "$WORK/data" \
  --docker-host "$DOCKER_HOST" --log-level "$LOG_LEVEL" ${BENCH_BERTH_ARGS:-} >"$WORK/berth.log" 2>&1 &
BERTH_PID=$!
ENDPOINT=""
for _ in $(seq 1200); do
  kill -0 "$BERTH_PID" 2>/dev/null || fail_with_log "Berth exited" "$WORK/berth.log"
  ENDPOINT="$(sed -n 's/.*serving the AWS APIs at \(http:[^ ]*\) .*/\1/p' "$WORK/berth.log" | head -n 1)"
  if [ -n "$ENDPOINT" ] && curl -fsS --max-time 1 "$ENDPOINT/_berth/health" >/dev/null 2>&1; then
    break
  fi
  ENDPOINT=""
  sleep 0.1
done
[ -n "$ENDPOINT" ] || fail_with_log "Berth did not become healthy" "$WORK/berth.log"
grep -q "runtime=docker" "$WORK/berth.log" || fail_with_log "Berth has no container runtime" "$WORK/berth.log"
echo "bench: Berth pid $BERTH_PID at $ENDPOINT; dockerd pid $DOCKERD_PID at $DOCKER_HOST" >&2

if [ -n "${BENCH_JFR:-}" ]; then
  jcmd "$BERTH_PID" JFR.start name=launch settings=profile filename="$(realpath -m "$BENCH_JFR")" >/dev/null
  JFR_ON=1
fi

# 4. The load, in the background so that a signal to this script is handled at once (see cleanup).
VERSIONS="$(tr -d '\n' <"$WORK/version.txt"), Docker Engine $ENGINE_VERSION"
timeout -k 10 "$TIMEOUT" "${CLIENT[@]}" launch \
  --endpoint "$ENDPOINT" --access-key-id "$ACCESS_KEY_ID" --secret-access-key "$SECRET_ACCESS_KEY" \
  --region us-east-1 --docker-host "$DOCKER_HOST" \
  --tasks "$TASKS" --warmup "$WARMUP" --poll-ms "${BENCH_POLL_MS:-0}" \
  --batches "$BATCHES" --batch-size "$BATCH_SIZE" \
  --berth-pid "$BERTH_PID" --dockerd-pid "$DOCKERD_PID" --berth-log "$WORK/berth.log" \
  --clock-ticks "$(getconf CLK_TCK)" --cpus "$(nproc)" --cpu-model "${CPU_MODEL:-unknown CPU}" \
  --versions "$VERSIONS" &
CLIENT_PID=$!
status=0
wait "$CLIENT_PID" || status=$?
CLIENT_PID=""

if [ -n "$JFR_ON" ]; then
  jcmd "$BERTH_PID" JFR.stop name=launch >/dev/null && echo "bench: Berth's JFR recording is in $BENCH_JFR" >&2
  JFR_ON=""
fi
if [ "$status" -ne 0 ]; then
  echo "bench: the load client failed (exit $status); last lines of berth.log:" >&2
  tail -n 20 "$WORK/berth.log" >&2 || true
fi
