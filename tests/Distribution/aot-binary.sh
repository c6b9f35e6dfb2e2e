#!/usr/bin/env bash
# The native AOT executable copied alone into an empty folder grades the seed: the rulebook is embedded, nothing
# is needed beside it. Run by .ci/run; about 2 minutes (needs gcc, as any native AOT publish does).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/Distribution/seed-grades.bash

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
  echo "error: a native AOT publish needs a C compiler and linker: apt-get install -y gcc" >&2
  exit 1
fi
dotnet publish src/GradingEngine.Cli -c Release -o "$work/publish" --nologo -v q >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
mkdir "$work/alone"
cp "$work/publish/grading" "$work/alone/grading"
check_seed_grades "$work/alone/grading"
