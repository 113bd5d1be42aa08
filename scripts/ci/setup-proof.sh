#!/usr/bin/env bash
# The README's set-up, walked as a newcomer walks it, on a fresh copy of this clone.
#
# With none of CI's variables (no DATABASE_URL, no CELERY_BROKER_URL, no DJANGO_CACHE_URL, no
# CI: the embedded SQLite database and filesystem broker), it runs `make setup` (what `make run`
# runs first), starts what `make run` starts (scripts/run-dev.sh: web server, Celery worker and
# beat) on a free port, and lets scripts/ci/setup_proof_client.py sign in as each demo user and
# download a highlight report asked for through the web page. Everything it started is stopped
# on exit. Each step has a time limit and the whole is bounded by SETUP_PROOF_SECONDS (180); a
# failure names its step and shows the end of that step's log.
set -euo pipefail

SOURCE="$(cd "$(dirname "$0")/../.." && pwd)"
BUDGET="${SETUP_PROOF_SECONDS:-180}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/send-setup-proof.XXXXXX")"
CLONE="$WORK/clone"
LOGS="$WORK/logs"
mkdir -p "$LOGS"
started=$SECONDS
server_pid=""

stop_everything() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$server_pid" ]]; then
    # run-dev.sh leads its own process group: stop the group (server, worker, beat) at once.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 -- "-$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  if [[ $status -eq 0 ]]; then
    rm -rf "$WORK"
  else
    echo "setup proof: logs kept in $LOGS" >&2
  fi
  exit "$status"
}
trap stop_everything EXIT INT TERM

fail() {
  echo "setup proof FAILED at step '$1': $2" >&2
  if [[ -n "${3:-}" && -s "$3" ]]; then
    echo "--- last lines of $3" >&2
    tail -n 40 "$3" >&2
  fi
  exit 1
}

# at most $2 seconds, and never past the whole proof's budget
limit() {
  local left=$((BUDGET - (SECONDS - started)))
  ((left > 0)) || fail "$1" "the ${BUDGET}s budget was spent before this step"
  ((left < $2)) && echo "$left" || echo "$2"
}

# A newcomer's shell: no project variables, only what finding the package registries needs.
newcomer_env=(env -i "PATH=$PATH" "HOME=$HOME" "LANG=C.UTF-8" "TERM=dumb")
for name in $(compgen -e); do
  case "$name" in
  http_proxy | https_proxy | no_proxy | HTTP_PROXY | HTTPS_PROXY | NO_PROXY | PIP_* | npm_config_* | NPM_CONFIG_* | SSL_CERT_*)
    newcomer_env+=("$name=${!name}")
    ;;
  esac
done

step() { # name, seconds, command...
  local name=$1 seconds log
  seconds=$(limit "$1" "$2")
  shift 2
  log="$LOGS/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-').log"
  echo "setup proof: $name (at most ${seconds}s)"
  local began=$SECONDS
  if ! timeout --kill-after=5 "$seconds" "$@" >"$log" 2>&1; then
    fail "$name" "it failed or took longer than ${seconds}s" "$log"
  fi
  echo "setup proof:   done in $((SECONDS - began))s"
}

step "git clone" 30 git clone --quiet --no-hardlinks "$SOURCE" "$CLONE"
cd "$CLONE"
# make setup may use the budget less 45 seconds: what serving and one report need at least.
step "make setup" $((BUDGET - 45)) "${newcomer_env[@]}" make setup

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
echo "setup proof: start what make run starts (web server, worker, beat) on port $port"
# setsid: its own process group, so stopping the group stops all three.
setsid "${newcomer_env[@]}" "PORT=$port" bash scripts/run-dev.sh >"$LOGS/make-run.log" 2>&1 &
server_pid=$!

step "sign in as each demo user and download a report" "$BUDGET" \
  python3 scripts/ci/setup_proof_client.py "http://127.0.0.1:$port" README.md
cat "$LOGS/sign-in-as-each-demo-user-and-download-a-report.log"
if ! kill -0 "$server_pid" 2>/dev/null; then
  fail "make run" "the web server, worker or beat stopped" "$LOGS/make-run.log"
fi
echo "setup proof: passed in $((SECONDS - started))s"
