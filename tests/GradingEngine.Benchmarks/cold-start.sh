#!/usr/bin/env bash
# Whole-process timing of the CLI against a hello-world .NET console app built the same way.
#
#   tests/GradingEngine.Benchmarks/cold-start.sh              # the CLI as its csproj configures it
#   EXPERIMENTS=1 tests/GradingEngine.Benchmarks/cold-start.sh # also each start-up setting switched one at a time
#   RUNS=20 ...                                                # runs per command (default 15, at least 10)
#
# Both programs are published framework-dependent in Release into bench/cold-start/ (git-ignored):
# the CLI from src/GradingEngine.Cli, the hello-world from a throwaway project created there. Each is
# timed as a whole process, `grading grade seeds/west-mercia-2015/findings.yaml` for the CLI, with
# hyperfine when installed (Debian: apt-get install -y hyperfine), else a loop over `date +%s%N`.
# Reports medians in ms and the CLI / hello-world ratio. Targets: <= 300 ms and <= 3x hello-world.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/cold-start"
runs="${RUNS:-15}"
[ "$runs" -ge 10 ] || runs=10
mkdir -p "$out"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

publish_cli() { # name, extra msbuild args...
  local name="$1"; shift
  dotnet publish src/GradingEngine.Cli -c Release -o "$out/$name" --nologo -v q "$@" >"$out/$name.publish.log" 2>&1 \
    || { cat "$out/$name.publish.log"; exit 1; }
}

publish_hello() { # name, extra msbuild args...
  local name="$1"; shift
  local src="$out/hello-src"
  mkdir -p "$src"
  cat >"$src/hello.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <AssemblyName>hello</AssemblyName>
  </PropertyGroup>
</Project>
EOF
  echo 'System.Console.WriteLine("Hello, World!");' >"$src/Program.cs"
  dotnet publish "$src/hello.csproj" -c Release -o "$out/$name" --nologo -v q "$@" >"$out/$name.publish.log" 2>&1 \
    || { cat "$out/$name.publish.log"; exit 1; }
}

# Median wall time in ms of a command line, run from the repository root.
median_ms() {
  local cmd="$1"
  if command -v hyperfine >/dev/null 2>&1; then
    local json="$out/hyperfine.json"
    hyperfine --style none --warmup 2 --runs "$runs" --export-json "$json" "$cmd" >/dev/null 2>&1
    python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000, 1))' "$json"
  else
    local times=() i start end
    for i in 1 2; do eval "$cmd" >/dev/null 2>&1 || true; done
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N); eval "$cmd" >/dev/null 2>&1 || true; end=$(date +%s%N)
      times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
  fi
}

seed="seeds/west-mercia-2015/findings.yaml"
echo "timing tool: $(command -v hyperfine >/dev/null 2>&1 && hyperfine --version || echo 'date +%s%N loop'), $runs runs, median"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"

declare -a rows=()
measure() { # label, hello dir, cli dir
  local label="$1" hello="$2" cli="$3"
  "$out/$cli/grading" grade "$seed" >"$out/$cli.out" 2>&1 || { echo "grading failed:"; cat "$out/$cli.out"; exit 1; }
  local h c
  h=$(median_ms "$out/$hello/hello")
  c=$(median_ms "$out/$cli/grading grade $seed")
  rows+=("$(printf '%-44s %10s %10s %8s' "$label" "$h" "$c" "$(python3 -c "print(f'{$c/$h:.2f}x')")")")
  printf '%s\n' "${rows[-1]}"
}

printf '%-44s %10s %10s %8s\n' "build" "hello ms" "grade ms" "ratio"
publish_hello hello
publish_cli cli
measure "as configured (GradingEngine.Cli.csproj)" hello cli

if [ "${EXPERIMENTS:-0}" = 1 ]; then
  # Each setting against the csproj's own (ReadyToRun on, TieredPGO off): switched off or on one at a time.
  rid="linux-x64"
  publish_cli cli-no-r2r -p:PublishReadyToRun=false
  measure "without ReadyToRun" hello cli-no-r2r
  publish_cli cli-pgo -p:TieredPGO=true
  measure "with TieredPGO" hello cli-pgo
  publish_cli cli-inv -p:InvariantGlobalization=true
  measure "+ InvariantGlobalization" hello cli-inv
  publish_cli cli-tc -p:TieredCompilation=false
  measure "+ TieredCompilation off" hello cli-tc
  publish_hello hello-r2r -r "$rid" --self-contained false -p:PublishReadyToRun=true
  measure "(hello-world with ReadyToRun too)" hello-r2r cli
fi
