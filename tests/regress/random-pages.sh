#!/bin/bash
# Regression on pages of fresh seeds: makes each page of CASES again with newsocr-synth
# --random, runs newsocr on it in the case's language, scores it with newsocr-eval and fails
# when its CER or order-free error is over the case's bound, its paragraph integrity
# under the case's optional minimum, its largest photo over the case's optional maximum
# share of the page, or its reading-order score (Kendall tau) under the case's optional
# minimum (random-pages.tsv says why each page is there).
#
# Usage: random-pages.sh NEWSOCR_SYNTH NEWSOCR NEWSOCR_EVAL CASES_TSV
# Ends with the plain "N passed, M failed" line; exit 1 on any failure.
set -u
SYNTH=$1
NEWSOCR=$2
EVAL=$3
CASES=$4
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/out"
passed=0
failed=0
while IFS=$'\t' read -r seed opts lang cer_max ofe_max why para_min photo_max tau_min; do
    case "$seed" in '#'* | '') continue ;; esac
    # shellcheck disable=SC2086 # the options are words
    if ! "$SYNTH" -o "$WORK" --random "$seed" $opts >/dev/null; then
        echo "random-pages: $seed: newsocr-synth failed" >&2
        failed=$((failed + 1))
        continue
    fi
    img=$(ls "$WORK/rand-$seed".{png,jpg,tif} 2>/dev/null | head -1)
    if ! "$NEWSOCR" -q -l "$lang" -f txt,json -o "$WORK/out" "$img"; then
        echo "random-pages: $seed: newsocr failed" >&2
        failed=$((failed + 1))
        continue
    fi
    printf '%s\t%s\n' "$WORK/rand-$seed.page.xml" "$WORK/out/rand-$seed.txt" >"$WORK/pair"
    "$EVAL" --list "$WORK/pair" --json "$WORK/eval.json" >/dev/null 2>&1
    read -r cer ofe para tau < <(jq -r '.pages[0] | "\(.cer) \(.order_free_error) \(.paragraph_integrity) \(.kendall_tau)"' "$WORK/eval.json")
    photo=$(jq -r '([.regions[] | select(.role == "figure") | .box.w * .box.h] | max // 0)
        / (.page.width * .page.height) * 1000 | round / 1000' "$WORK/out/rand-$seed.json")
    para_min=${para_min:-0}
    photo_max=${photo_max:-1}
    tau_min=${tau_min:-0}
    got="CER $cer (max $cer_max), order-free $ofe (max $ofe_max), paragraphs $para (min $para_min)"
    got="$got, largest photo $photo of the page (max $photo_max), tau $tau (min $tau_min)"
    if awk -v c="$cer" -v o="$ofe" -v p="$para" -v cm="$cer_max" -v om="$ofe_max" -v pm="$para_min" \
        -v f="$photo" -v fm="$photo_max" -v t="$tau" -v tm="$tau_min" \
        'BEGIN { exit !(c <= cm && o <= om && p >= pm && f <= fm && t >= tm) }'; then
        echo "ok   $seed: $got"
        passed=$((passed + 1))
    else
        echo "FAIL $seed: $got: $why"
        failed=$((failed + 1))
    fi
done <"$CASES"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
