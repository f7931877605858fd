#!/usr/bin/env bash
# Lints what cannot run here: every tracked shell script with Debian's shellcheck, and the
# GitHub workflows (the Windows and macOS builds run only there) with action-validator, a
# package of the npm registry installed into build-lint/ (git ignores build*/). What is
# missing of shellcheck, node and npm comes from Debian.
#
# Usage: bash scripts/lint.sh   (scripts/test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
validator_version=0.6.0
dir=build-lint

needed=()
command -v shellcheck > /dev/null || needed+=(shellcheck)
command -v node > /dev/null || needed+=(nodejs)
command -v npm > /dev/null || needed+=(npm)
[ ${#needed[@]} -eq 0 ] || bash scripts/apt-install.sh "${needed[@]}"

mapfile -d '' scripts < <(git ls-files -z '*.sh' .ci/run)
shellcheck "${scripts[@]}"

# The validator is compiled to WebAssembly inside its npm package: no install script, no
# download beyond the registry's packages (the cli, its core and chalk).
validator="$dir/node_modules/.bin/action-validator"
installed=$(node -p "require('./$dir/node_modules/@action-validator/cli/package.json').version" \
              2> /dev/null || true)
if [ "$installed" != "$validator_version" ]; then
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    "@action-validator/cli@$validator_version" "@action-validator/core@$validator_version"
fi
mapfile -d '' workflows < <(git ls-files -z '.github/workflows/*.yml' '.github/workflows/*.yaml')
for workflow in "${workflows[@]}"; do
  "$validator" "$workflow"
done
echo "Lint clean: ${#scripts[@]} shell scripts, ${#workflows[@]} workflow files."
