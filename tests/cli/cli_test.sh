#!/bin/bash
# CLI tests: every exit code, every bad input of the foundation issue, outputs and formats.
#
# Usage: cli_test.sh NEWSOCR FIXTURES_DIR EXPECTED_PHRASE
#   FIXTURES_DIR holds what make_fixtures wrote; EXPECTED_PHRASE is text printed in the
#   fixtures' crop of the sample page (checked in the output of every good encoding).
# Each check prints "ok" or "FAIL" with the reason; the script ends with the plain
# "N passed, M failed" line and exits 1 if anything failed.
NEWSOCR=$1
FIX=$2
PHRASE=$3
. "$(dirname "$0")/../lib/harness.sh"

# run ARGS...: runs newsocr, sets $rc, $out (stdout file), $err (stderr text).
run() { run_cmd "$NEWSOCR" "$@"; }

# expect_error NAME CODE PATTERN ARGS...: exit status CODE, exactly one stderr line
# matching PATTERN (an extended regex), nothing on stdout.
expect_error() {
    local name=$1 code=$2 pattern=$3
    shift 3
    run "$@"
    local lines
    lines=$(grep -c '' "$WORK/stderr")
    if [ "$rc" -ne "$code" ]; then
        bad "$name: exit $rc, expected $code (stderr: $err)"
    elif [ "$lines" -ne 1 ]; then
        bad "$name: $lines stderr lines, expected 1: $err"
    elif ! grep -Eq -- "$pattern" "$WORK/stderr"; then
        bad "$name: stderr '$err' does not match '$pattern'"
    elif [ -s "$out" ]; then
        bad "$name: unexpected stdout output"
    else
        ok "$name"
    fi
}

# expect_text NAME FILE: FILE holds the expected phrase (spaces ignored).
expect_text() {
    if tr -d ' \n' <"$2" | grep -qF -- "$(printf '%s' "$PHRASE" | tr -d ' ')"; then
        ok "$1"
    else
        bad "$1: '$PHRASE' not in output: $(head -c 300 "$2")"
    fi
}

# --- usage (exit 1) ---
run --help
{ [ "$rc" -eq 0 ] && grep -q "Exit status" "$out"; } && ok "--help" || bad "--help: rc=$rc"
run --version
{ [ "$rc" -eq 0 ] && grep -Eq '^newsocr [0-9]+\.[0-9]+\.[0-9]+$' "$out"; } && ok "--version" ||
    bad "--version: rc=$rc $(cat "$out")"
expect_error "no input" 1 "no input image" 
expect_error "unknown option" 1 "unknown option '--bogus'" --bogus "$FIX/good.png"
expect_error "missing option argument" 1 "needs an argument" "$FIX/good.png" -o
expect_error "unknown format" 1 "unknown output format 'docx'" -f txt,docx "$FIX/good.png"
expect_error "bad --max-pixels" 1 "max-pixels needs a positive number" --max-pixels 12x \
    "$FIX/good.png"
expect_error "bad --debug-dir" 1 "is not a directory" --debug-dir "$WORK/nope" "$FIX/good.png"
# The argument at fault is named (issue 14): not argv[0], not the argument before it; numbers
# that overflow or carry other characters are refused.
expect_error "unknown short option" 1 "unknown option '-d' in '-dash.png'" -dash.png
expect_error "unknown option after -o" 1 "unknown option '-d' in '-dash.png'" -o "$WORK/x" \
    -dash.png
expect_error "--max-pixels overflow" 1 \
    "max-pixels needs a positive number, not '99999999999999999999'" \
    --max-pixels 99999999999999999999 "$FIX/good.png"
expect_error "--max-pixels with a space" 1 "max-pixels needs a positive number" \
    --max-pixels " 5" "$FIX/good.png"

# --- bad inputs (exit 2): one line naming the file and the reason ---
expect_error "missing file" 2 "^newsocr: $WORK/missing.png: no such file$" "$WORK/missing.png"
expect_error "directory" 2 "^newsocr: $FIX: is a directory" "$FIX"
expect_error "empty file" 2 "empty.png: empty file$" "$FIX/empty.png"
expect_error "truncated PNG" 2 "truncated.png: corrupt or truncated PNG" "$FIX/truncated.png"
expect_error "truncated JPEG" 2 "truncated.jpg: corrupt or truncated JPEG" "$FIX/truncated.jpg"
expect_error "random bytes .png" 2 "random.png: not an image file" "$FIX/random.png"
expect_error "random bytes .jpg" 2 "random.jpg: not an image file" "$FIX/random.jpg"
expect_error "text file .tif" 2 "text.tif: not an image file" "$FIX/text.tif"
expect_error "1x1 image" 2 "one-pixel.png: image is 1x1 pixels, too small" "$FIX/one-pixel.png"
expect_error "huge header" 2 "huge.png: image is 100000x100000 pixels, above the limit" \
    "$FIX/huge.png"
expect_error "pixel limit option" 2 "good.png: image is [0-9]+x[0-9]+ pixels, above the limit of 1000 pixels" \
    --max-pixels 1000 "$FIX/good.png"

# The huge header is refused before decoding: 600 MB of address space is enough.
# (AddressSanitizer reserves terabytes of shadow memory, so not under the sanitizer build.)
if [ -z "${NEWSOCR_TEST_SANITIZE:-}" ]; then
    (ulimit -v 600000 && "$NEWSOCR" "$FIX/huge.png" >/dev/null 2>"$WORK/huge.err")
    hrc=$?
    [ "$hrc" -eq 2 ] && grep -q "above the limit" "$WORK/huge.err" &&
        ok "huge header: no allocation" ||
        bad "huge header under ulimit: rc=$hrc $(cat "$WORK/huge.err")"
fi

# --- models (exit 3) ---
expect_error "missing language" 3 "model 'xx_nosuch' not found: no xx_nosuch.traineddata in" \
    -l xx_nosuch "$FIX/good.png"
mkdir -p "$WORK/emptydata"
expect_error "--tessdata without model" 3 \
    "model 'chi_sim' not found: no chi_sim.traineddata in $WORK/emptydata \(--tessdata\)" \
    --tessdata "$WORK/emptydata" "$FIX/good.png"
NEWSOCR_TESSDATA="$WORK/emptydata" run "$FIX/good.png"
[ "$rc" -eq 3 ] && grep -q "(NEWSOCR_TESSDATA)" "$WORK/stderr" && ok "NEWSOCR_TESSDATA used" ||
    bad "NEWSOCR_TESSDATA: rc=$rc $err"
expect_error "invalid language string" 1 "invalid language string" -l "../etc" "$FIX/good.png"

# --- output (exit 4), and no partial files ---
expect_error "unwritable output dir" 4 "$WORK/nodir/out.txt: cannot write" \
    -o "$WORK/nodir/out.txt" "$FIX/good.png"
mkdir -p "$WORK/ro" && chmod 555 "$WORK/ro"
if [ "$(id -u)" -ne 0 ]; then
    expect_error "read-only dir" 4 "cannot write" -o "$WORK/ro/out.txt" "$FIX/good.png"
fi
run -o /dev/full "$FIX/good.png"
[ "$rc" -eq 4 ] && ok "/dev/full output" || bad "/dev/full: rc=$rc $err"
run -o "$WORK/fail.txt" "$FIX/truncated.png"
[ "$rc" -eq 2 ] && [ -z "$(ls "$WORK" | grep fail)" ] && ok "no output file for a bad input" ||
    bad "bad input left a file: $(ls "$WORK")"

# --- good inputs: every encoding gives the page's text ---
for f in good.png good-1bit.png good-palette.png good-rgb.png good-rgba.png good-16bit.png \
    good.jpg good-nodpi.jpg; do
    run "$FIX/$f"
    if [ "$rc" -ne 0 ] || [ -s "$WORK/stderr" ]; then
        bad "$f: rc=$rc stderr=$err"
    else
        expect_text "$f text" "$out"
    fi
done
# No space between two CJK characters in the output.
run "$FIX/good.png"
if grep -Pq '[\x{4e00}-\x{9fff}，。：；！？] +[\x{4e00}-\x{9fff}，。：；！？]' "$out"; then
    bad "CJK spacing: $(grep -Po '.[\x{4e00}-\x{9fff}] +[\x{4e00}-\x{9fff}].' "$out" | head -3)"
else
    ok "no space between CJK characters"
fi

# A file for one image.
run -o "$WORK/one.txt" "$FIX/good.png"
[ "$rc" -eq 0 ] && expect_text "-o FILE" "$WORK/one.txt" || bad "-o FILE: rc=$rc $err"
[ -z "$(ls "$WORK" | grep '\.tmp\.')" ] && ok "no temporary files left" || bad "tmp files left"

# A directory for several; a multi-page TIFF gives one file per page; a bad input among
# good ones is reported, the others are done, the status says it.
run -q -o "$WORK/outdir" "$FIX/good.jpg" "$FIX/missing.png" "$FIX/multi.tif" -f txt
if [ "$rc" -eq 2 ] && [ "$(grep -c '' "$WORK/stderr")" -eq 1 ]; then
    ok "bad input among good ones: exit 2, one message"
else
    bad "mixed inputs: rc=$rc stderr=$err"
fi
for f in good.txt multi.p001.txt multi.p002.txt multi.p003.txt; do
    [ -f "$WORK/outdir/$f" ] && expect_text "dir output $f" "$WORK/outdir/$f" ||
        bad "dir output $f missing: $(ls "$WORK/outdir")"
done
[ "$(ls "$WORK/outdir" | wc -l)" -eq 4 ] && ok "exactly the expected output files" ||
    bad "output files: $(ls "$WORK/outdir")"

# -o DIR whose parents are missing: created, as for the batch (issue 14).
run -q -o "$WORK/deep/a/b" -f txt,json "$FIX/good.png"
[ "$rc" -eq 0 ] && [ -f "$WORK/deep/a/b/good.txt" ] && [ -f "$WORK/deep/a/b/good.json" ] &&
    ok "-o DIR: missing parents created" || bad "-o a/b/c: rc=$rc $err"

# Several pages on stdout are separated by form feeds.
run "$FIX/multi.tif"
[ "$rc" -eq 0 ] && [ "$(tr -cd '\f' <"$out" | wc -c)" -eq 2 ] && ok "stdout pages separated" ||
    bad "multi-page stdout: rc=$rc, $(tr -cd '\f' <"$out" | wc -c) form feeds"

# Two inputs that would write the same file: refused before any work.
mkdir -p "$WORK/a" "$WORK/b"
cp "$FIX/good.png" "$WORK/a/x.png"
cp "$FIX/good.png" "$WORK/b/x.png"
expect_error "output name clash" 1 "would both be written to" -o "$WORK/clash" \
    "$WORK/a/x.png" "$WORK/b/x.png"

# --timings reports every stage; -q silences warnings but not data.
run --timings "$FIX/good.png"
grep -Eq 'timings .*load [0-9.]+ preprocess [0-9.]+ segment [0-9.]+ recognize [0-9.]+ reconstruct [0-9.]+ export [0-9.]+ total [0-9.]+ s' \
    "$WORK/stderr" && ok "--timings" || bad "--timings: $err"
mkdir -p "$WORK/debug"
run --debug-dir "$WORK/debug" "$FIX/good.png"
steps=$(ls "$WORK/debug" | grep -c '^[0-9][0-9]-.*\.png$')
[ "$rc" -eq 0 ] && [ "$steps" -ge 3 ] && ok "--debug-dir: $steps step images" ||
    bad "--debug-dir: rc=$rc, $(ls "$WORK/debug")"

# A page of one huge headline (tesseract#1624: line finding drops characters that large)
# is read in full.
run "$FIX/huge-headline.png"
if [ "$rc" -eq 0 ] && [ "$(tr -d ' \n' <"$out")" = "家门口的公园越来越好用了" ]; then
    ok "one huge headline"
else
    bad "huge headline: rc=$rc '$(head -c 200 "$out")' $err"
fi

# English works too: the eng model reads the folio's date digits and, having no Han
# characters, outputs none. (With only alphabetic languages the page is segmented by
# Tesseract's layout, which finds the folio's pieces apart; read by a model that does not
# know the script they are low-confidence regions, which the reading order leaves out of
# the text, so the digits are looked for in the page model.)
run -l eng -f json "$FIX/good.png"
if [ "$rc" -eq 0 ] && grep -q "2024" "$out" && ! grep -Pq '[\x{4e00}-\x{9fff}]' "$out"; then
    ok "-l eng"
else
    bad "-l eng: rc=$rc $err $(head -c 200 "$out")"
fi

# --- new library modes (issues 11, 12): parsed strictly ---
expect_error "bad --layout" 1 "--layout is newsocr or tesseract, not 'ocropus'" \
    --layout ocropus "$FIX/good.png"
expect_error "bad --direction" 1 "--direction is auto, horizontal or vertical, not 'diagonal'" \
    --direction diagonal "$FIX/good.png"

# --- --list-langs: the models found, and why the others are missing ---
mkdir -p "$WORK/onemodel"
sysdata=$(ls -d /usr/share/tesseract-ocr/*/tessdata 2>/dev/null | head -n 1)
if [ -n "$sysdata" ] && [ -f "$sysdata/eng.traineddata" ]; then
    ln -s "$sysdata/eng.traineddata" "$WORK/onemodel/eng.traineddata"
    run --list-langs --tessdata "$WORK/onemodel"
    if [ "$rc" -eq 0 ] && grep -qx "eng	$WORK/onemodel" "$out" &&
        [ "$(grep -c "	$WORK/onemodel\$" "$out")" -eq 1 ] &&
        grep -q "^chi_sim	missing: no chi_sim.traineddata in $WORK/onemodel (--tessdata); Debian package tesseract-ocr-chi-sim\$" "$out" &&
        grep -q "^chi_tra_vert	missing: .*tesseract-ocr-chi-tra-vert\$" "$out" &&
        [ "$(grep -c '	missing: ' "$out")" -eq 4 ]; then
        ok "--list-langs --tessdata DIR"
    else
        bad "--list-langs: rc=$rc $(cat "$out") $err"
    fi
else
    echo "skip --list-langs: no system eng.traineddata"
fi
expect_error "--list-langs with an input" 1 "--list-langs takes no input" --list-langs \
    "$FIX/good.png"

# --- PDF (issue 13): one multi-page PDF per input, read back by newsocr ---
expect_error "--pdf-dpi 50" 1 "--pdf-dpi needs a number from 100 to 1200, not '50'" \
    --pdf-dpi 50 "$FIX/good.png"
expect_error "--pdf-dpi 300x" 1 "--pdf-dpi needs a number from 100 to 1200, not '300x'" \
    --pdf-dpi 300x "$FIX/good.png"
expect_error "pdf of several inputs on stdout" 1 "pdf on stdout is of one input file" \
    -f pdf "$FIX/good.png" "$FIX/good.jpg"
expect_error "pdf into a missing directory" 4 "$WORK/nodir/x.pdf: cannot write" \
    -f pdf -o "$WORK/nodir/x.pdf" "$FIX/two-pages.tif"
# A page that cannot be read leaves no PDF at all (and no temporary file).
run -f pdf --max-pixels 1000 -o "$WORK/unread.pdf" "$FIX/two-pages.tif"
[ "$rc" -eq 2 ] && [ ! -e "$WORK/unread.pdf" ] && grep -q "unread.pdf: not written: page 1" \
    "$WORK/stderr" && ok "pdf with an unreadable page: not written" ||
    bad "pdf with an unreadable page: rc=$rc $err $(ls "$WORK")"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
    # A 2-page TIFF to one PDF on stdout (not a terminal here): the library's writer.
    run -f pdf "$FIX/two-pages.tif"
    cp "$out" "$WORK/two.pdf"
    pages=$(pdfinfo "$WORK/two.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    [ "$rc" -eq 0 ] && [ "$pages" = 2 ] && ok "-f pdf on stdout: one 2-page PDF" ||
        bad "-f pdf stdout: rc=$rc pages='$pages' $err"
    # That PDF read back: one 2-page PDF (NAME.pdf, not NAME.pNNN.pdf) beside the text
    # of each page; its text layer holds the text.
    run -q -f txt,pdf --pdf-dpi 300 -o "$WORK/pdfout" "$WORK/two.pdf"
    pages=$(pdfinfo "$WORK/pdfout/two.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    listing=$(cd "$WORK/pdfout" && ls | tr '\n' ' ')
    if [ "$rc" -eq 0 ] && [ "$pages" = 2 ] &&
        [ "$listing" = "two.p001.txt two.p002.txt two.pdf " ]; then
        ok "PDF in, one 2-page PDF out"
    else
        bad "PDF to PDF: rc=$rc pages='$pages' files: $listing $err"
    fi
    expect_text "PDF input: txt of page 1" "$WORK/pdfout/two.p001.txt"
    pdftotext "$WORK/pdfout/two.pdf" "$WORK/two.pdf.txt" 2>/dev/null
    expect_text "pdftotext of the PDF output" "$WORK/two.pdf.txt"
else
    echo "skip PDF round trip: pdfinfo/pdftotext (poppler-utils) missing"
fi
if command -v qpdf >/dev/null && [ -f "$WORK/two.pdf" ]; then
    qpdf --encrypt u o 256 -- "$WORK/two.pdf" "$WORK/locked.pdf"
    expect_error "encrypted PDF" 2 "^newsocr: $WORK/locked.pdf: .*" -f pdf \
        -o "$WORK/locked-out.pdf" "$WORK/locked.pdf"
    [ ! -e "$WORK/locked-out.pdf" ] && [ -z "$(ls "$WORK" | grep '\.tmp\.')" ] &&
        ok "encrypted PDF: nothing written" || bad "encrypted PDF left: $(ls "$WORK")"
else
    echo "skip encrypted PDF: qpdf missing"
fi
[ -z "$(ls "$WORK" "$WORK/pdfout" 2>/dev/null | grep '\.tmp\.')" ] &&
    ok "PDF: no temporary files left" || bad "PDF tmp files left"

# -v: the settings file once, then a line per page.
run -v "$FIX/good.png"
[ "$rc" -eq 0 ] && [ "$(grep -c '^newsocr: settings ' "$WORK/stderr")" -eq 1 ] &&
    grep -q "good.png\[1\]: [0-9]* regions" "$WORK/stderr" && ok "-v" || bad "-v: $err"

finish
