#!/bin/bash
# Man pages and help from one source (issue 15): the generated pages render without a
# warning, and the options of the sources (pipeline/man/*.src) are exactly those of the
# README's option tables and of the option parsers' tables.
#
# Usage: man_test.sh CHECK SOURCE_DIR MAN_DIR NEWSOCR NEWSOCR_EVAL AWK
#   CHECK: render | readme | parser | help | eval (one ctest each)
. "$(dirname "$0")/../lib/harness.sh"
check_name=$1
SRC=$2
MAN=$3
NEWSOCR=$4
EVAL=$5
AWK=$6
GEN=$SRC/pipeline/man/gen.awk

# The options of COMMAND in a source: "-x --long ARG" lines (- for none), sorted.
source_options() {
    "$AWK" -v mode=options -f "$GEN" "$SRC/pipeline/man/$1" |
        awk -F'\t' -v c="$2" '$1 == c { print $2, $3, ($4 == "-" ? "no" : "arg") }' | sort
}

# compare NAME EXPECTED_FILE ACTUAL_FILE: ok when equal, else the difference.
compare() {
    if diff "$2" "$3" >"$WORK/diff"; then
        ok "$1"
    else
        bad "$1: < source, > other: $(tr '\n' ' ' <"$WORK/diff")"
    fi
}

case $check_name in
render)
    # groff -ww: every warning; man -l: what a user runs (when man-db is installed).
    for page in "$MAN"/newsocr.1 "$MAN"/newsocr-eval.1 "$MAN"/newsocr.3; do
        warnings=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
        [ $? -eq 0 ] && [ -z "$warnings" ] && ok "groff -ww $(basename "$page")" ||
            bad "groff -ww $(basename "$page"): $warnings"
        if command -v man >/dev/null; then
            warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
            [ -z "$warnings" ] && ok "man -l $(basename "$page")" ||
                bad "man -l $(basename "$page"): $warnings"
        fi
    done
    groff -man -Tutf8 "$MAN/newsocr.1" 2>/dev/null | col -b >"$WORK/newsocr.1.txt"
    for want in NEWSOCR_TESSDATA TESSDATA_PREFIX SOURCE_DATE_EPOCH SLURM_CPUS_PER_TASK \
        "EXIT STATUS" "NEWSOCR BATCH" "newsocr -f pdf -o out.pdf scan.pdf"; do
        grep -q -- "$want" "$WORK/newsocr.1.txt" && ok "newsocr(1) has $want" ||
            bad "newsocr(1) lacks $want"
    done
    groff -man -Tutf8 "$MAN/newsocr.3" 2>/dev/null | col -b >"$WORK/newsocr.3.txt"
    for want in "Lifecycle" "nocr_engine_new()" "nocr_pdf_writer_new()" "nocr_models_list()"; do
        grep -qF -- "$want" "$WORK/newsocr.3.txt" && ok "newsocr(3) has $want" ||
            bad "newsocr(3) lacks $want"
    done
    ;;
readme)
    # The README's option tables: the first after "## The command line" (newsocr) and the
    # first after "## Batch processing" (newsocr batch); the options named in a row's first
    # cell.
    readme_options() {
        awk -v h="$1" '
            /^## / { insec = ($0 == h); intab = 0; done = done || seen; next }
            insec && !done && /^\| option \|/ { intab = 1; seen = 1; next }
            intab && !/^\|/ { intab = 0; done = 1 }
            intab && /^\| `-/ {
                split($0, cell, "|"); s = cell[2]
                while (match(s, /`-[^`]*`/)) {
                    t = substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH)
                    n = split(t, w, /[ ,]+/)
                    for (i = 1; i <= n; i++) if (w[i] ~ /^-/) print w[i]
                }
            }' "$SRC/README.md" | sort -u
    }
    for cmd in newsocr batch; do
        source_options newsocr.1.src $cmd | awk '{ if ($1 != "-") print $1; print $2 }' |
            sort -u >"$WORK/src.$cmd"
    done
    readme_options "## The command line" >"$WORK/readme.newsocr"
    readme_options "## Batch processing" >"$WORK/readme.batch"
    compare "README options of newsocr = newsocr.1.src" "$WORK/src.newsocr" \
        "$WORK/readme.newsocr"
    compare "README options of newsocr batch = newsocr.1.src" "$WORK/src.batch" \
        "$WORK/readme.batch"
    grep -qF 'newsocr -f pdf -o out.pdf scan.pdf' "$SRC/README.md" && ok "README: PDF to PDF" ||
        bad "README lacks the PDF to PDF command"
    ;;
parser)
    # The parsers' tables: options.c's common options (need 0: both commands, else the
    # single-page command only), main.c's and batch/batch.c's own.
    table() { # FILE COMMANDS...: "-x --long arg|no" per entry, for each command given
        local file=$1
        shift
        local entry='^ *{{*"\([a-z-]*\)", \([a-z]*\)_argument, NULL, \([^}]*\)}'
        sed -n "s/$entry\\(, \\([^}]*\\)}\\)\\{0,1\\},\$/\\1 \\2 \\3 \\5/p" "$file" |
            while read -r long has key need; do
                short=-
                case $key in \'?\') short=-${key:1:1} ;; esac
                [ "$has" = required ] && has=arg
                for c in "$@"; do
                    case $c:$need in
                    newsocr:* | batch:0 | batch:) echo "$c $short --$long $has" ;;
                    esac
                done
            done
    }
    { table "$SRC/pipeline/cli/options.c" newsocr batch
      table "$SRC/pipeline/cli/main.c" newsocr
      table "$SRC/pipeline/cli/batch/batch.c" batch; } >"$WORK/parser"
    for cmd in newsocr batch; do
        source_options newsocr.1.src $cmd >"$WORK/src.$cmd"
        awk -v c=$cmd '$1 == c { print $2, $3, $4 }' "$WORK/parser" | sort >"$WORK/parser.$cmd"
        compare "parser options of $cmd = newsocr.1.src" "$WORK/src.$cmd" "$WORK/parser.$cmd"
    done
    ;;
help)
    # The binary prints the generated help: each option of the source, in its --help.
    for cmd in newsocr batch; do
        if [ $cmd = batch ]; then
            "$NEWSOCR" batch --help >"$WORK/help"
        else
            "$NEWSOCR" --help >"$WORK/help"
        fi
        missing=$(source_options newsocr.1.src $cmd | while read -r s l a; do
            grep -q -- "$l\\b" "$WORK/help" || echo "$l"
        done)
        [ -z "$missing" ] && ok "$cmd --help names every option of the source" ||
            bad "$cmd --help lacks: $missing"
    done
    ;;
eval)
    # newsocr-eval keeps its own --help (pipeline/eval/main.c): both name the same options.
    source_options newsocr-eval.1.src eval | awk '{ print $2 }' | sort -u >"$WORK/src.eval"
    grep -o '"--[a-z-]*' "$SRC/pipeline/eval/main.c" | tr -d '"' | grep -v '^--$' | sort -u \
        >"$WORK/parser.eval"
    compare "newsocr-eval parser = newsocr-eval.1.src" "$WORK/src.eval" "$WORK/parser.eval"
    "$EVAL" --help >"$WORK/help"
    missing=$(while read -r l; do
        grep -q -- "$l" "$WORK/help" || echo "$l"
    done <"$WORK/src.eval")
    [ -z "$missing" ] && ok "newsocr-eval --help names every option" ||
        bad "eval --help lacks $missing"
    ;;
*)
    bad "unknown check $check_name"
    ;;
esac
finish
