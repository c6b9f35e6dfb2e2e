#!/usr/bin/env bash
# Issue #19's rulebook-scaling series as whole processes: `grading grade seeds/west-mercia-2015/findings.yaml
# --rules DIR` and `grading rules check DIR`, native AOT, with DIR the shipped PEEL 2015 rulebook grown to each
# size by copies of its own criteria (Corpus/ScaledRulebook.cs), beside a native AOT hello-world and the seed
# graded with the embedded rulebook, all in one run.
#
#   tests/GradingEngine.Benchmarks/rulebook-scaling.sh                          # 110, 1,000, 10,000 criteria, distinct indicators, 5 rounds
#   tests/GradingEngine.Benchmarks/rulebook-scaling.sh --mode both --rounds 3   # any option of the `rulebook-scaling` verb
#
# Every timed process runs on the machine's last CPU (`--cpu N` to choose another): on the 2-core virtual machine of
# docs/performance.md unpinned runs of one binary spread by a third, pinned ones by a few percent.
#
# Publishes into bench/rulebook-scaling/ (git-ignored): the CLI from src/GradingEngine.Cli as its csproj
# configures it (native AOT; needs clang, or gcc and binutils) and a native AOT hello-world from a throwaway
# project, as cold-start.sh does. Then the harness writes the rulebooks under bench/rulebook-scaling/ and times
# every point once per round, interleaved, after one warm-up run each; medians of wall and child CPU time, and
# ratios to the 110-criteria case and to the hello-world. Stops unless every run exits 0 and every `rules check`
# lists the grades produced for every table without GE505. Writes the table to stdout and
# bench/results/rulebook-scaling.md. 10,000 criteria take about 17 s of CPU per grade on the engine of 013b49f.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/rulebook-scaling"
mkdir -p "$out"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish src/GradingEngine.Cli -c Release -o "$out/cli" --nologo -v q >"$out/cli.publish.log" 2>&1 \
  || { cat "$out/cli.publish.log"; exit 1; }

src="$out/hello-src"
mkdir -p "$src"
cat >"$src/hello.csproj" <<'PROJECT'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <AssemblyName>hello</AssemblyName>
  </PropertyGroup>
</Project>
PROJECT
echo 'System.Console.WriteLine("Hello, World!");' >"$src/Program.cs"
rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
dotnet publish "$src/hello.csproj" -c Release -o "$out/hello-aot" -r "$rid" -p:PublishAot=true --nologo -v q >"$out/hello-aot.publish.log" 2>&1 \
  || { cat "$out/hello-aot.publish.log"; exit 1; }

dotnet build -c Release tests/GradingEngine.Benchmarks --nologo -v q >"$out/harness.build.log" 2>&1 || { cat "$out/harness.build.log"; exit 1; }
echo "engine $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes in src/'); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet tests/GradingEngine.Benchmarks/bin/Release/net10.0/GradingEngine.Benchmarks.dll rulebook-scaling \
  --binary "$out/cli/grading" --hello "$out/hello-aot/hello" --label "engine $(git rev-parse --short HEAD)" \
  $([[ " $* " == *" --cpu "* ]] || echo "--cpu $(( $(nproc) - 1 ))") "$@"
