#!/bin/bash
# Quality regression on sample pages: runs newsocr on the pages named in the goldens file,
# scores them with newsocr-eval, and fails when a metric is worse than its committed golden
# value by more than the metric's tolerance, or breaks an absolute bound.
#
# Usage: regress.sh NEWSOCR NEWSOCR_EVAL SAMPLES_DIR GOLDENS_JSON [--update]
#   --update rewrites the golden values in GOLDENS_JSON from this run (page list,
#   tolerances and bounds are kept); review its diff before committing (scripts/update-goldens).
# GOLDENS_JSON may name newsocr options for its pages in "args" (e.g. ["-l", "auto"] for the
# vertical pages, goldens-vertical.json); default none.
# Ends with the plain "N passed, M failed" line; exit 1 on any failure.
set -u
NEWSOCR=$1
EVAL=$2
SAMPLES=$3
GOLDENS=$4
UPDATE=${5:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mapfile -t pages < <(jq -r '.pages | keys[]' "$GOLDENS")
if [ ${#pages[@]} -eq 0 ]; then
    echo "regress: no pages in $GOLDENS" >&2
    exit 1
fi
images=()
for p in "${pages[@]}"; do
    img=$(ls "$SAMPLES/$p".png "$SAMPLES/$p".jpg "$SAMPLES/$p".tif 2>/dev/null | head -1)
    if [ -z "$img" ]; then
        echo "regress: no image for page $p in $SAMPLES" >&2
        exit 1
    fi
    images+=("$img")
    printf '%s\t%s\n' "$SAMPLES/$p.page.xml" "$WORK/out/$p.txt" >>"$WORK/pairs.tsv"
done

mapfile -t args < <(jq -r '(.args // [])[]' "$GOLDENS")
# One process for all pages: the models are loaded once.
if ! "$NEWSOCR" -q "${args[@]}" -o "$WORK/out" "${images[@]}"; then
    echo "regress: newsocr failed" >&2
    exit 1
fi
# A single page with -o DIR writes DIR itself as a file; the goldens name at least two.
"$EVAL" --list "$WORK/pairs.tsv" --json "$WORK/eval.json" >"$WORK/table.txt" || {
    cat "$WORK/table.txt"
    echo "regress: newsocr-eval failed" >&2
    exit 1
}
cat "$WORK/table.txt"

# Page name of each evaluated entry: the GT file's stem.
jq '[.pages[] | {key: (.gt | split("/") | last | sub("\\.page\\.xml$"; "")), value: .}]
    | from_entries' "$WORK/eval.json" >"$WORK/by_page.json"

if [ "$UPDATE" = "--update" ]; then
    jq --slurpfile run "$WORK/by_page.json" '
        .tolerance as $tol
        | .pages |= with_entries(.key as $p
            | .value = ($run[0][$p] | with_entries(select(.key as $k | $tol | has($k)))
                        | with_entries(.value |= (if type == "number"
                                                  then (. * 10000 | round / 10000) else . end))))
        ' "$GOLDENS" >"$WORK/goldens.new" && mv "$WORK/goldens.new" "$GOLDENS"
    echo "regress: goldens updated in $GOLDENS"
    exit 0
fi

# Compare: metrics where higher is better are listed in .higher_is_better.
jq -r --slurpfile run "$WORK/by_page.json" '
    . as $g
    | $g.pages | to_entries[] | .key as $p | .value | to_entries[]
    | .key as $m | .value as $golden
    | ($run[0][$p][$m]) as $got
    | ($g.tolerance[$m]) as $tol
    | (($g.higher_is_better | index($m)) != null) as $hib
    | if $golden == null and $got == null then "ok   \($p) \($m): n/a"
      elif $got == null or $golden == null then "FAIL \($p) \($m): \($got) (golden \($golden))"
      elif ($hib and $got < $golden - $tol) or ((($hib) | not) and $got > $golden + $tol)
      then "FAIL \($p) \($m): \($got) is worse than golden \($golden) +- \($tol)"
      else "ok   \($p) \($m): \($got) (golden \($golden) +- \($tol))" end
    ' "$GOLDENS" >"$WORK/results.txt"
# Absolute bounds: "bounds": {"PAGE": {"METRIC_max": X, "METRIC_min": Y}}.
jq -r --slurpfile run "$WORK/by_page.json" '
    (.bounds // {}) | to_entries[] | .key as $p | .value | to_entries[]
    | (.key | sub("_(max|min)$"; "")) as $m | (.key | endswith("_max")) as $ismax
    | .value as $b | ($run[0][$p][$m]) as $got
    | if $got == null then "FAIL \($p) \($m): missing (bound \($b))"
      elif ($ismax and $got > $b) or (($ismax | not) and $got < $b)
      then "FAIL \($p) \($m): \($got) breaks the bound \(if $ismax then "<=" else ">=" end) \($b)"
      else "ok   \($p) \($m): \($got) within bound \($b)" end
    ' "$GOLDENS" >>"$WORK/results.txt"
cat "$WORK/results.txt"
pass=$(grep -c '^ok' "$WORK/results.txt")
fail=$(grep -c '^FAIL' "$WORK/results.txt")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
