#!/usr/bin/env bash
# The .NET tool: `dotnet pack` makes the package, `dotnet tool install` puts it in a temporary tool path (from a
# package cache of its own, so no earlier build of the same version is used), and the installed `grading` grades
# the seed from another folder. Run by .ci/run; about 3 minutes, most of it ReadyToRun-compiling five runtimes.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/Distribution/seed-grades.bash

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack src/GradingEngine.Cli -c Release -o "$work/packages" --nologo -v q >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
ls "$work/packages"/GradingEngine.Cli.1*.nupkg "$work/packages"/GradingEngine.Cli.linux-x64.*.nupkg >/dev/null
NUGET_PACKAGES="$work/nuget" dotnet tool install --tool-path "$work/tools" --add-source "$work/packages" GradingEngine.Cli >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; exit 1; }
check_seed_grades "$work/tools/grading"
