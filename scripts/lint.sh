#!/usr/bin/env bash
# `make lint`: the checks .pre-commit-config.yaml runs on a commit, run here on every tracked
# file without needing git hooks, then the type check, the missing-migrations check and the
# import layers.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

files=()
while IFS= read -r -d '' file; do
  [[ -f "$file" ]] && files+=("$file")
done < <(git ls-files -z | sort -zu)

echo "ruff check"
"$BIN/ruff" check .
echo "ruff format --check"
"$BIN/ruff" format --check .
echo "no large files (over 500 KB)"
"$BIN/check-added-large-files" --enforce-all --maxkb=500 "${files[@]}"
echo "no private keys"
"$BIN/detect-private-key" "${files[@]}"

# The type check: send_portal/core/ and every app's services.py and selectors.py.
typed=(send_portal/core)
while IFS= read -r file; do
  typed+=("$file")
done < <(git ls-files '*services.py' '*selectors.py' | sort -u | grep -vE '^(tests|send_portal/core)/')
echo "mypy ${typed[*]}"
"$BIN/mypy" "${typed[@]}"

echo "makemigrations --check"
"$BIN/python" manage.py makemigrations --check --dry-run
echo "the import layers (.importlinter)"
"$BIN/lint-imports"
