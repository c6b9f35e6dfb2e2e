#!/usr/bin/env bash
# Builds the SharpFuzz harness (outside the solution, so `dotnet test` never builds it) and replays every target's
# seed corpus through it without a fuzzer: the harness keeps compiling, and each target still accepts its seeds.
# .ci/run counts it as one check.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/GradingEngine.Fuzz -c Release --nologo -v q
for corpus in tests/GradingEngine.Fuzz/corpus/*/; do
  target="$(basename "$corpus")"
  dotnet run --no-build -c Release --project tests/GradingEngine.Fuzz -- "$target" --replay "$corpus"* >/dev/null
  echo "replayed $(ls "$corpus" | wc -l) seeds of target $target"
done
