# Sourced by bench/host/launch.sh and bench/host/network.sh: their private Docker engine (DOCKER_HOST,
# ENGINE, BERTH_STARTED set by them) and the clean-up of what it and the Berths on it leave.
engine_docker() { DOCKER_HOST="$DOCKER_HOST" docker "$@"; }
engine_answers() { [ -n "$DOCKER_HOST" ] && engine_docker info >/dev/null 2>&1; }
quiet_engine() { # until our engine's containers stop changing (the sandbox pools' refills done), <= 15 s
  local before="" now
  for _ in $(seq 30); do
    now="$(engine_docker ps -a --format '{{.ID}} {{.State}}' 2>/dev/null)" || return 0
    if [ "$now" = "$before" ] && ! grep -q ' created$' <<<"$now"; then return 0; fi
    before="$now"
    sleep 0.5
  done
}
empty_cgroup() { # empty_cgroup DIR: no child cgroups, no processes
  [ -d "$1" ] && [ -z "$(find "$1" -mindepth 1 -maxdepth 1 -type d)" ] && [ -z "$(cat "$1/cgroup.procs" 2>/dev/null)" ]
}
# clear_engine INTERRUPTED: removes whatever is left in our private engine, stops it, and removes the
# cgroup envelopes of its containers (and, when the run was INTERRUPTED, empty pool envelopes made
# since our Berths started).
clear_engine() {
  local interrupted="$1" ids pid envelopes="" envelope dir orphans=()
  if engine_answers; then
    # Whatever is left in our private engine (STOPPED tasks keep their containers, tasks not stopped,
    # sandboxes), with the cgroup envelopes they name; repeated while containers still appear.
    for _ in $(seq 10); do
      ids="$(engine_docker ps -aq)"
      [ -n "$ids" ] || break
      envelopes+=" $(engine_docker inspect --format '{{ index .Config.Labels "io.berth.envelope" }}' $ids 2>/dev/null \
        | grep -v '^<no value>$')"
      engine_docker rm -f $ids >/dev/null 2>&1
    done
  fi
  if [ -f "$ENGINE/dockerd.pid" ] && pid="$(cat "$ENGINE/dockerd.pid")" && [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  # The envelopes of our containers: Berth removes each with its last container, but not those of
  # the containers removed here. Each hierarchy's copy goes once runc has removed the containers' own.
  for envelope in $(tr ' ' '\n' <<<"$envelopes" | sort -u); do
    for dir in /sys/fs/cgroup/*/berth/"$envelope" /sys/fs/cgroup/berth/"$envelope"; do
      for _ in $(seq 20); do [ -d "$dir" ] || break; rmdir "$dir" 2>/dev/null || sleep 0.1; done
    done
  done
  if [ -n "$interrupted" ] && [ -n "$BERTH_STARTED" ]; then
    # An envelope a Berth made for a sandbox it never got to create (stopped in between) names no
    # container: pool envelopes made since our Berths started that stay empty. (Another Berth's pool
    # refill would fill its envelope within the 2 s; an empty pool envelope holds no limits.)
    for dir in /sys/fs/cgroup/memory/berth/pool-* /sys/fs/cgroup/berth/pool-*; do
      empty_cgroup "$dir" && [ "$(stat -c %Y "$dir")" -ge "$BERTH_STARTED" ] && orphans+=("$(basename "$dir")")
    done
    [ "${#orphans[@]}" -gt 0 ] && sleep 2
    for envelope in "${orphans[@]}"; do
      empty_cgroup "/sys/fs/cgroup/memory/berth/$envelope" || empty_cgroup "/sys/fs/cgroup/berth/$envelope" || continue
      for dir in /sys/fs/cgroup/*/berth/"$envelope" /sys/fs/cgroup/berth/"$envelope"; do
        empty_cgroup "$dir" && rmdir "$dir" 2>/dev/null
      done
    done
  fi
}
