# Sourced by the distribution checks: check_seed_grades GRADING checks that GRADING, run from an empty folder
# elsewhere with no rulebook beside it, grades the seed with the five grades HMIC published.
check_seed_grades() {
  local grading="$1" repo seed elsewhere out status=0
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  seed="$repo/seeds/west-mercia-2015/findings.yaml"
  elsewhere="$(mktemp -d)"
  out="$(cd "$elsewhere" && "$grading" grade "$seed" --brief)" || { echo "error: \`$grading grade\` failed" >&2; rm -rf "$elsewhere"; return 1; }
  for expected in "Q1 +Good " "Q2 +Good " "Q3 +Requires improvement " "Q4 +Requires improvement " "Overall +Requires improvement "; do
    if ! printf '%s\n' "$out" | grep -Eq "^  $expected"; then
      echo "error: expected a summary line matching \`$expected\`" >&2
      status=1
    fi
  done
  # The embedded rulebook and its tests, with nothing beside the tool.
  (cd "$elsewhere" && "$grading" rules list | grep -q "^peel-2015-effectiveness  2015.1") || { echo "error: \`rules list\` lacks the embedded rulebook" >&2; status=1; }
  (cd "$elsewhere" && "$grading" rules test >/dev/null) || { echo "error: \`rules test\` of the embedded rulebook failed" >&2; status=1; }
  [ -z "$(ls -A "$elsewhere")" ] || { echo "error: the tool wrote into the folder it ran from" >&2; status=1; }
  rm -rf "$elsewhere"
  [ "$status" -eq 0 ] && echo "ok: $grading grades the seed from another folder: Q1 good, Q2 good, Q3 and Q4 requires improvement, overall requires improvement" >&2
  return "$status"
}
