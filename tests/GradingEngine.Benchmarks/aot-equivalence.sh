#!/usr/bin/env bash
# The native AOT CLI must behave exactly like the JIT build: same standard output, standard error, exit
# code and written files for every verb, format and error path below, on the shipped rulebook, the seed, a
# rulebook copy using every aggregate and operator, and (when generated) synthetic corpora, one of them large
# enough for the JIT build to compile the rules to IL where the AOT build interprets them.
#
#   tests/GradingEngine.Benchmarks/aot-equivalence.sh     # publishes both builds into bench/aot-equivalence/
#
# Needs what a native AOT publish needs (a C compiler and linker: gcc and binutils on Debian). Prints one line
# per case and `N cases, N differ`; exits 1 when any differs.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/aot-equivalence"
cd "$root"
rm -rf "$out"; mkdir -p "$out/work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/GradingEngine.Cli -c Release -o "$out/aot" --nologo -v q >"$out/aot.log" 2>&1 || { cat "$out/aot.log"; exit 1; }
dotnet publish src/GradingEngine.Cli -c Release -p:PublishAot=false -o "$out/jit" --nologo -v q >"$out/jit.log" 2>&1 || { cat "$out/jit.log"; exit 1; }

rules=rules/peel-2015-effectiveness
seed=seeds/west-mercia-2015
work="$out/work"

# A rulebook copy with one more criterion using what the shipped one does not: sum, best, min, ratio, in,
# arithmetic, negation and `all` with one lambda.
cp -r "$rules" "$work/extended"
rm -rf "$work/extended/tests"
cat >>"$work/extended/criteria/q1.yaml" <<'YAML'
  - id: Q1.aot.every-operator
    question: Q1
    area: crime-levels
    title: Every aggregate and operator the shipped criteria do not use
    rationale: equivalence check of the native AOT build
    when: >-
      sum(f => f.indicator in ["q1.crime.rate-vs-national", "q1.crime.change-vs-national"], f => f.value * 2 - 1) / 3 > -100
      and min(f => f.indicator == "q1.asb.change-vs-national", f => -f.value) < 1000
      and (best(f => f.indicator == "q1.prevention.priority") no worse than ineffective or not any(f => f.indicator == "q1.prevention.priority"))
      and ratio(f => f.indicator == "q1.prevention.priority" and f.judgement != effective, f => f.indicator == "q1.prevention.priority") >= 0
    effect: notable-practice
    weight: 2
    message: "{count} findings, first {indicator}: {value} ({quote})"
  - id: Q1.aot.all-one-lambda
    question: Q1
    area: crime-levels
    title: all with one lambda
    rationale: equivalence check of the native AOT build
    when: not all(f => f.indicator == "q1.crime.rate-vs-national")
    effect: area-for-improvement
    weight: 1
    message: "{count} findings examined"
YAML
broken="$work/broken.yaml"
sed 's/indicator: \(q[0-9a-z.-]*\)/indicator: \1-nope/' "$seed/findings.yaml" >"$broken"

declare -a cases=(
  "grade $seed/findings.yaml"
  "grade $seed/findings.yaml --format json"
  "grade $seed/findings.yaml --format markdown"
  "grade $seed/findings.yaml --format html --output @/report.html"
  "grade $seed/findings.yaml --record @/record.json"
  "verify @/record.json"
  "validate $seed/findings.yaml --proposed $seed/proposed.yaml"
  "validate $seed/findings.yaml --proposed $seed/proposed.yaml --format json"
  "explain $seed/findings.yaml --question Q3"
  "rules check $rules"
  "rules check $rules --format json"
  "rules check $rules --format sarif"
  "rules test $rules --coverage"
  "rules test $rules --format json"
  "rules diff $rules $rules $seed/findings.yaml"
  "rules diff $rules $work/extended $seed/findings.yaml --format json"
  "grade $seed/findings.yaml --rules $work/extended --format json"
  "rules check $work/extended"
  "batch $seed --format text"
  "batch $seed --format json --parallel 1"
  "batch $seed --format csv"
  "grade $broken"
  "validate $broken --proposed $seed/proposed.yaml"
  "grade does-not-exist.yaml"
  "grade $seed/findings.yaml --format nope"
  "batch $seed --parallel 0"
  ""
)
corpus=$(ls -d bench/data/c500-q5-i100-f200-s2015 2>/dev/null || true)
if [ -n "$corpus" ]; then
  cases+=("batch $corpus/inspections --rules $corpus/rulebook --format json")
  cases+=("rules check $corpus/rulebook --format json")
fi
# From 1,000 inspections the JIT build compiles the rules to IL (below, both builds interpret them), so this
# case holds emitted IL to the AOT build's interpreter end to end. Generate it with
# `dotnet run -c Release --project tests/GradingEngine.Benchmarks -- generate --criteria 500 --questions 5 --inspections 1500 --findings 200`.
large=$(ls -d bench/data/c500-q5-i1500-f200-s2015 2>/dev/null || true)
if [ -n "$large" ]; then
  cases+=("batch $large/inspections --rules $large/rulebook --format csv")
fi

# Each build runs from the same folder, so the default rulebook beside the tool has the same path in
# both; files a case writes (@ in a case) go to a folder per build, shared by its cases (verify reads
# the record that grade --record wrote).
for build in aot jit; do
  rm -rf "$out/bin"; cp -r "$out/$build" "$out/bin"
  mkdir -p "$work/$build"
  n=0
  for c in "${cases[@]}"; do
    n=$((n + 1))
    args=${c//@/$work/$build}
    set +e
    # shellcheck disable=SC2086
    "$out/bin/grading" $args >"$work/$build-$n.stdout" 2>"$work/$build-$n.stderr"
    echo $? >"$work/$build-$n.code"
    set -e
    sed -i "s#$work/$build#WORK#g" "$work/$build-$n.stdout" "$work/$build-$n.stderr"
  done
  for f in "$work/$build"/*; do sed -i "s#$work/$build#WORK#g" "$f"; done
done

differ=0
for ((i = 1; i <= n; i++)); do
  same=yes
  for part in stdout stderr code; do cmp -s "$work/aot-$i.$part" "$work/jit-$i.$part" || same=no; done
  printf '%-4s %-3s exit %s  grading %s\n' "$i" "$same" "$(cat "$work/jit-$i.code")" "${cases[$((i - 1))]}"
  [ "$same" = yes ] || differ=$((differ + 1))
done
files=$(ls "$work/jit" | wc -l)
if diff -r "$work/aot" "$work/jit" >/dev/null; then echo "written files: $files identical"; else echo "written files differ:"; diff -rq "$work/aot" "$work/jit" | head; differ=$((differ + 1)); fi
echo "$n cases, $differ differ"
[ "$differ" -eq 0 ]
