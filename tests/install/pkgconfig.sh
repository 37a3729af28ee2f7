#!/bin/sh
# Installs the build into a scratch prefix, compiles tests/install/use_installed.c against
# the installed library with `pkg-config --cflags --libs newsocr` alone, and runs it.
# Usage: pkgconfig.sh BUILD_DIR SOURCE_C CC [EXTRA_FLAGS...]
set -eu
build=$1 src=$2 cc=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/root" >/dev/null
pc=$(find "$tmp/root" -name newsocr.pc)
[ -n "$pc" ] || { echo "pkgconfig: no newsocr.pc installed"; exit 1; }
export PKG_CONFIG_PATH="${pc%/*}"
flags=$(pkg-config --cflags --libs newsocr)
libdir=$(pkg-config --variable=libdir newsocr)
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Werror "$@" "$src" -o "$tmp/use" $flags -Wl,-rpath,"$libdir"
"$tmp/use"
