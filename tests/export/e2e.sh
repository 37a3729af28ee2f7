#!/bin/bash
# End-to-end tests of the exports on sample pages (ctest export_e2e_run, export_e2e_check,
# export_schemas, export_cli; see CMakeLists.txt).
#
#   e2e.sh run     NEWSOCR OUT IMAGE...         every format of every image into OUT
#   e2e.sh check   NEWSOCR OUT JSON_VALIDATE SCHEMA_JSON NEWSOCR_EVAL SAMPLES NAME...
#                  hOCR well-formed XHTML with the expected classes and no space between
#                  two CJK words; JSON valid against its schema; round trip: newsocr-eval
#                  with our PAGE as ground truth against our txt (and our JSON) gives CER 0
#                  and tau 1; the JSON evaluates exactly like the txt against the sample's
#                  ground truth; the overlay a PNG
#   e2e.sh schemas NEWSOCR OUT SCHEMAS_DIR NAME...   PAGE and ALTO against the XSDs
#                  (exit 77, skipped, when SCHEMAS_DIR is absent)
#   e2e.sh cli     NEWSOCR OUT IMAGE            format options: usage errors, stdout, -o FILE
#   e2e.sh lang    NEWSOCR OUT JSON_VALIDATE SCHEMA_JSON SCHEMAS_DIR IMAGE LANG
#                  -l auto on IMAGE chooses LANG (chi_tra or chi_sim), and every structured
#                  export says so: JSON page.lang, hOCR lang and ocr-langs/ocr-scripts, PAGE
#                  primaryLanguage/primaryScript, ALTO LANG; the exports valid against their
#                  schemas (exit 77, skipped, without the chi_sim and chi_tra models)
# Each check prints "ok" or "FAIL"; the script ends with "N passed, M failed".
set -u
export LC_ALL=C.UTF-8
mode=$1 NEWSOCR=$2 OUT=$3
shift 3
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
done_() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}
formats="txt json hocr alto.xml page.xml overlay.png"

case $mode in
run)
    rm -rf "$OUT"
    "$NEWSOCR" -q -f txt,json,hocr -f alto,page,overlay -o "$OUT" "$@"
    rc=$?
    [ "$rc" -eq 0 ] && ok "newsocr -f txt,json,hocr,alto,page,overlay -o DIR" || bad "exit $rc"
    for img in "$@"; do
        name=$(basename "${img%.*}")
        for ext in $formats; do
            [ -s "$OUT/$name.$ext" ] && ok "$name.$ext written" || bad "$name.$ext missing"
        done
    done
    [ -z "$(ls "$OUT" | grep '\.tmp\.')" ] && ok "no temporary files" || bad "tmp files left"
    done_
    ;;
check)
    VALIDATE=$1 SCHEMA=$2 EVAL=$3 SAMPLES=$4
    shift 4
    for name in "$@"; do
        h="$OUT/$name.hocr"
        if xmllint --noout "$h" 2>"$OUT/err"; then ok "$name.hocr well-formed"; else
            bad "$name.hocr: $(head -3 "$OUT/err")"; fi
        for cls in ocr_page ocr_carea ocr_par ocr_line ocrx_word; do
            n=$(xmllint --xpath "count(//*[contains(concat(' ', @class, ' '), ' $cls ')])" "$h")
            [ "${n:-0}" -gt 0 ] && ok "$name.hocr has $cls ($n)" || bad "$name.hocr: no $cls"
        done
        n=$(xmllint --xpath "count(//*[local-name()='html' and namespace-uri()='http://www.w3.org/1999/xhtml'])" "$h")
        [ "$n" = 1 ] && ok "$name.hocr is XHTML" || bad "$name.hocr: no XHTML root"
        # Two CJK words never stand apart with a space between them (tesseract#2702).
        if grep -Pq '[\x{4e00}-\x{9fff}]</span> <span class="ocrx_word"[^>]*>[\x{4e00}-\x{9fff}]' "$h"; then
            bad "$name.hocr: CJK split into words with spaces"
        else
            ok "$name.hocr: no space between CJK words"
        fi
        j="$OUT/$name.json"
        jq empty "$j" 2>/dev/null && ok "$name.json parses" || bad "$name.json: not JSON"
        "$VALIDATE" "$SCHEMA" "$j" >"$OUT/err" && ok "$name.json valid" ||
            bad "$(cat "$OUT/err")"
        # the version the schema file stands for (NOCR_JSON_SCHEMA_VERSION)
        v=$(jq -r .properties.version.const "$SCHEMA")
        [ "$(jq -r .version "$j")" = "$v" ] && ok "$name.json version $v" ||
            bad "$name.json version $(jq -r .version "$j"), schema $v"
        # Round trip: our PAGE as ground truth, our txt (and our JSON) as output.
        for o in txt json; do
            r=$("$EVAL" --json - "$OUT/$name.page.xml" "$OUT/$name.$o" 2>&1)
            if echo "$r" | jq -e '.pages[0].cer == 0 and .pages[0].kendall_tau == 1 and
                    .pages[0].regions_located == .pages[0].regions' >/dev/null 2>&1; then
                ok "$name round trip PAGE vs $o: CER 0, tau 1"
            else
                bad "$name round trip PAGE vs $o: $(echo "$r" | jq -c '.pages[0] | {cer, kendall_tau, regions, regions_located, error}' 2>/dev/null || echo "$r")"
            fi
        done
        # newsocr-eval reads our JSON as the txt it stands for.
        m_txt=$("$EVAL" --json - "$SAMPLES/$name.page.xml" "$OUT/$name.txt" | jq -c '.pages[0] | del(.output)')
        m_json=$("$EVAL" --json - "$SAMPLES/$name.page.xml" "$OUT/$name.json" | jq -c '.pages[0] | del(.output)')
        [ -n "$m_txt" ] && [ "$m_txt" = "$m_json" ] && ok "$name: JSON evaluates like the txt" ||
            bad "$name: JSON vs txt metrics differ: $m_txt / $m_json"
        p="$OUT/$name.overlay.png"
        if [ "$(head -c 8 "$p" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
            ok "$name.overlay.png is a PNG ($(stat -c %s "$p") bytes)"
        else
            bad "$name.overlay.png is not a PNG"
        fi
    done
    done_
    ;;
schemas)
    DIR=$1
    shift
    if [ ! -d "$DIR" ]; then
        echo "SKIP: $DIR absent: PAGE and ALTO schema validation not run (it runs in CI)"
        exit 77
    fi
    for name in "$@"; do
        for pair in page.xml:pagecontent.xsd alto.xml:alto-4-3.xsd; do
            f="$OUT/$name.${pair%%:*}"
            if xmllint --noout --nonet --schema "$DIR/${pair#*:}" "$f" 2>"$OUT/err"; then
                ok "$(basename "$f") validates against ${pair#*:}"
            else
                bad "$(basename "$f"): $(grep -v validates "$OUT/err" | head -3)"
            fi
        done
    done
    done_
    ;;
cli)
    IMG=$1
    W=$(mktemp -d)
    trap 'rm -rf "$W"' EXIT
    usage() { # NAME PATTERN ARGS...: exit 1, one stderr line matching PATTERN, no stdout
        local n=$1 pat=$2
        shift 2
        "$NEWSOCR" "$@" >"$W/out" 2>"$W/err"
        local rc=$?
        if [ "$rc" -eq 1 ] && [ "$(grep -c '' "$W/err")" -eq 1 ] && grep -q -- "$pat" "$W/err" &&
            [ ! -s "$W/out" ]; then
            ok "$n"
        else
            bad "$n: rc=$rc $(cat "$W/err")"
        fi
    }
    usage "overlay needs -o" "overlay is a PNG: use -o" -f overlay "$IMG"
    usage "several formats need -o" "several formats need -o DIR" -f txt,json "$IMG"
    usage "unknown format" "unknown output format 'xml' (supported: txt, json, hocr, alto, page, overlay, pdf)" \
        -f json,xml "$IMG"
    "$NEWSOCR" --help | grep -q "overlay" && ok "--help lists the formats" || bad "--help"
    # One format on stdout, and the same format to -o FILE (PATH is the file).
    SOURCE_DATE_EPOCH=0 "$NEWSOCR" -f page "$IMG" >"$W/stdout.xml" 2>"$W/err"
    rc=$?
    [ "$rc" -eq 0 ] && xmllint --noout "$W/stdout.xml" && ok "-f page to stdout" ||
        bad "-f page stdout: rc=$rc $(cat "$W/err")"
    grep -q "<Created>1970-01-01T00:00:00Z</Created>" "$W/stdout.xml" &&
        ok "SOURCE_DATE_EPOCH fixes the timestamp" || bad "timestamp not from SOURCE_DATE_EPOCH"
    SOURCE_DATE_EPOCH=0 "$NEWSOCR" -f page -o "$W/one.xml" "$IMG" 2>"$W/err"
    cmp -s "$W/one.xml" "$W/stdout.xml" && ok "-f page -o FILE writes FILE" ||
        bad "-o FILE differs from stdout: $(ls "$W")"
    done_
    ;;
lang)
    VALIDATE=$1 SCHEMA=$2 DIR=$3 IMG=$4 LANG_=$5
    models=$("$NEWSOCR" --list-langs 2>/dev/null | cut -f1)
    if ! echo "$models" | grep -qx chi_sim || ! echo "$models" | grep -qx chi_tra; then
        echo "SKIP: -l auto needs the chi_sim and chi_tra models"
        exit 77
    fi
    case $LANG_ in
    chi_tra) tag=zh-Hant script=Hant page_script="Hant - Han (Traditional variant)" ;;
    *) tag=zh-Hans script=Hans page_script="Hans - Han (Simplified variant)" ;;
    esac
    W="$OUT/out"
    rm -rf "$OUT"
    mkdir -p "$OUT"
    "$NEWSOCR" -q -l auto -f json,hocr,alto,page -o "$W" "$IMG" 2>"$OUT/err" ||
        bad "newsocr -l auto: $(cat "$OUT/err")"
    name=$(basename "${IMG%.*}")
    j="$W/$name.json"
    [ "$(jq -r .page.lang "$j")" = "$LANG_" ] && ok "JSON page.lang is -l auto's choice ($LANG_)" ||
        bad "JSON page.lang $(jq -r .page.lang "$j"), expected $LANG_"
    "$VALIDATE" "$SCHEMA" "$j" >"$OUT/err" && ok "$name.json valid" || bad "$(cat "$OUT/err")"
    h="$W/$name.hocr"
    [ "$(xmllint --xpath 'string(/*/@lang)' "$h")" = "$tag" ] && ok "hOCR lang $tag" ||
        bad "hOCR lang $(xmllint --xpath 'string(/*/@lang)' "$h")"
    meta() { xmllint --xpath "string(//*[local-name()='meta'][@name='$1']/@content)" "$h"; }
    [ "$(meta ocr-langs)" = zh ] && [ "$(meta ocr-scripts)" = "$script" ] &&
        ok "hOCR ocr-langs zh, ocr-scripts $script" ||
        bad "hOCR ocr-langs '$(meta ocr-langs)', ocr-scripts '$(meta ocr-scripts)'"
    pg="$W/$name.page.xml"
    attr() { xmllint --xpath "string(//*[local-name()='Page']/@$1)" "$pg"; }
    [ "$(attr primaryLanguage)" = Chinese ] && [ "$(attr primaryScript)" = "$page_script" ] &&
        ok "PAGE primaryLanguage Chinese, primaryScript $script" ||
        bad "PAGE primaryLanguage '$(attr primaryLanguage)', primaryScript '$(attr primaryScript)'"
    a="$W/$name.alto.xml"
    n=$(xmllint --xpath "count(//*[local-name()='TextBlock'])" "$a")
    m=$(xmllint --xpath "count(//*[local-name()='TextBlock'][@LANG='$tag'])" "$a")
    [ "$n" -gt 0 ] && [ "$n" = "$m" ] && ok "ALTO LANG $tag on all $n TextBlocks" ||
        bad "ALTO LANG $tag on $m of $n TextBlocks"
    for pair in page.xml:pagecontent.xsd alto.xml:alto-4-3.xsd; do
        f="$W/$name.${pair%%:*}"
        if [ ! -d "$DIR" ]; then
            echo "SKIP: $DIR absent: $(basename "$f") not validated"
        elif xmllint --noout --nonet --schema "$DIR/${pair#*:}" "$f" 2>"$OUT/err"; then
            ok "$(basename "$f") validates against ${pair#*:}"
        else
            bad "$(basename "$f"): $(grep -v validates "$OUT/err" | head -3)"
        fi
    done
    done_
    ;;
esac
echo "unknown mode $mode"
exit 2
