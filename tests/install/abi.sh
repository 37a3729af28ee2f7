#!/bin/sh
# ABI of libnewsocr.so: its dynamic symbols are exactly the functions that the public
# header declares (the version script is made from the header; this checks the result), and
# its SONAME is libnewsocr.so.MAJOR.
# Usage: abi.sh LIBRARY API_LIST MAJOR   (API_LIST: the header's functions, ';'-separated)
set -eu
lib=$1 api=$2 major=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tr ';' '\n' <"$api" | sed '/^$/d' | sort >"$tmp/declared"
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {sub(/@.*/, "", $3); print $3}' |
    grep -v '^NEWSOCR_' | sort >"$tmp/exported"
status=0
if ! diff -u "$tmp/declared" "$tmp/exported" >"$tmp/diff"; then
    echo "abi: exported symbols differ from newsocr.h (- declared only, + exported only):"
    grep '^[-+]nocr\|^[-+][a-z]' "$tmp/diff" || cat "$tmp/diff"
    status=1
fi
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" {print $2}')
if [ "$soname" != "libnewsocr.so.$major" ]; then
    echo "abi: SONAME is '$soname', expected libnewsocr.so.$major"
    status=1
fi
[ $status -ne 0 ] || echo "abi: $(wc -l <"$tmp/exported") functions exported, SONAME $soname"
exit $status
