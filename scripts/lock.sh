#!/usr/bin/env bash
# `make lock`: the lock files, pinned with hashes, from pyproject.toml (uv pip compile).
#
#   requirements/bench.txt  runtime + test + bench extras (make bench); resolved first
#   requirements/dev.txt    runtime + test extras (make install, CI)
#   requirements/base.txt   runtime only (the Dockerfile)
#
# The smaller two are constrained by bench.txt, so a package has one version in all three.
# Versions already in a lock file are kept unless pyproject.toml needs others (UPGRADE=1
# upgrades everything). A lock file left with merge-conflict markers is resolved afresh: after
# merging branches that both added dependencies, run `make lock` and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
PYTHON_BIN="${PYTHON_BIN:-python3}"
TOOLS=var/lock-tools
if ! "$TOOLS/bin/uv" --version 2>/dev/null | grep -q "^uv $UV_VERSION"; then
  "$PYTHON_BIN" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install --quiet "uv==$UV_VERSION"
fi

mkdir -p requirements
for lock in requirements/bench.txt requirements/dev.txt requirements/base.txt; do
  if [[ -f "$lock" ]] && grep -qE '^(<<<<<<<|=======|>>>>>>>)' "$lock"; then
    echo "$lock has merge-conflict markers: resolving it afresh"
    rm "$lock"
  fi
done

upgrade=()
[[ -n "${UPGRADE:-}" ]] && upgrade=(--upgrade)

compile() { # output, extra arguments...
  local output=$1
  shift
  "$TOOLS/bin/uv" pip compile pyproject.toml "$@" "${upgrade[@]}" \
    --universal --python-version 3.11 \
    --generate-hashes --no-strip-extras --quiet \
    --custom-compile-command "make lock" --output-file "$output"
}

compile requirements/bench.txt --extra test --extra bench
# The constraint: bench.txt's pins without hashes (uv reads hashes in constraints as requirements).
constraints="$TOOLS/constraints.txt"
grep -E '^[A-Za-z0-9._-]+(\[[^]]*\])?==' requirements/bench.txt | sed -E 's/ *\\$//; s/\[[^]]*\]//' >"$constraints"
compile requirements/dev.txt --extra test --constraint "$constraints"
compile requirements/base.txt --constraint "$constraints"
echo "Locked: requirements/base.txt, dev.txt, bench.txt"
