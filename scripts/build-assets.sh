#!/usr/bin/env bash
# Compile GOV.UK Frontend with the council's branding into static/build/ (set-up time only).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p static/build
node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules \
  --quiet-deps --silence-deprecation=import static/src/portal.scss static/build/portal.css
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/build/
cp node_modules/htmx.org/dist/htmx.min.js static/build/
rm -rf static/build/assets
cp -r node_modules/govuk-frontend/dist/govuk/assets static/build/assets
