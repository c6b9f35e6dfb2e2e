#!/usr/bin/env bash
# Whole-process timing of the CLI against a hello-world .NET console app.
#
#   tests/GradingEngine.Benchmarks/cold-start.sh              # the CLI as its csproj configures it, and the JIT build
#   EXPERIMENTS=1 tests/GradingEngine.Benchmarks/cold-start.sh # also each start-up setting switched one at a time
#   RUNS=20 ...                                                # runs per command (default 15, at least 10)
#
# Everything is published in Release into bench/cold-start/ (git-ignored): the CLI from src/GradingEngine.Cli as
# configured (native AOT) and with -p:PublishAot=false (framework-dependent ReadyToRun, the JIT build), and a
# hello-world from a throwaway project created there, framework-dependent (the comparator of the ratios) and native
# AOT (for context: what no JIT costs a program that does nothing). The native AOT publishes need a C compiler and
# linker: clang, or gcc and binutils as on Debian (apt-get install -y gcc). Each program is timed as a whole process,
# `grading grade seeds/west-mercia-2015/findings.yaml` for the CLI, with hyperfine when installed (Debian: apt-get
# install -y hyperfine), else a loop over `date +%s%N`. Reports medians in ms and the CLI / hello-world ratio, and
# stops unless both CLI builds print the same grades. Targets: <= 300 ms and <= 3x the JIT hello-world.
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
  rows+=("$(printf '%-54s %10s %10s %8s' "$label" "$h" "$c" "$(python3 -c "print(f'{$c/$h:.2f}x')")")")
  printf '%s\n' "${rows[-1]}"
}

# The same grades from every build of the CLI, or the timings compare different work.
same_output() { # cli dir, reference cli dir
  cmp -s "$out/$1.out" "$out/$2.out" || { echo "$1 and $2 print different results for $seed:"; diff "$out/$2.out" "$out/$1.out" | head -20; exit 1; }
}

rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
printf '%-54s %10s %10s %8s\n' "build" "hello ms" "grade ms" "ratio"
publish_hello hello
publish_hello hello-aot -r "$rid" -p:PublishAot=true
publish_cli cli
publish_cli cli-r2r -p:PublishAot=false
measure "native AOT, as configured (GradingEngine.Cli.csproj)" hello cli
measure "JIT: ReadyToRun, TieredPGO off (-p:PublishAot=false)" hello cli-r2r
same_output cli-r2r cli
measure "(native AOT CLI against a native AOT hello-world)" hello-aot cli
echo "native AOT executable: $(stat -c %s "$out/cli/grading" | awk '{printf "%.1f MB", $1 / 1048576}') (hello-world: $(stat -c %s "$out/hello-aot/hello" | awk '{printf "%.1f MB", $1 / 1048576}'))"

if [ "${EXPERIMENTS:-0}" = 1 ]; then
  # Native AOT with the compiler's default blend of size and speed instead of OptimizationPreference=Speed.
  publish_cli cli-aot-blended -p:OptimizationPreference=
  measure "native AOT, optimized for the default blend" hello cli-aot-blended
  same_output cli-aot-blended cli
  # The JIT build's settings (ReadyToRun on, TieredPGO off), each switched off or on one at a time.
  publish_cli cli-no-r2r -p:PublishAot=false -p:PublishReadyToRun=false
  measure "JIT without ReadyToRun" hello cli-no-r2r
  publish_cli cli-pgo -p:PublishAot=false -p:TieredPGO=true
  measure "JIT with TieredPGO" hello cli-pgo
  publish_cli cli-inv -p:PublishAot=false -p:InvariantGlobalization=true
  measure "JIT + InvariantGlobalization" hello cli-inv
  publish_cli cli-tc -p:PublishAot=false -p:TieredCompilation=false
  measure "JIT + TieredCompilation off" hello cli-tc
  publish_hello hello-r2r -r "$rid" --self-contained false -p:PublishReadyToRun=true
  measure "(JIT CLI against a ReadyToRun hello-world)" hello-r2r cli-r2r
fi
