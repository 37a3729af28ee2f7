#!/bin/sh
# The Debian package: scripts/package builds it; its dependencies are computed (the
# Tesseract library among them) plus the models; unpacked into a scratch root (dpkg -x),
# its newsocr reads the seed sample page with its own library, and its Python module and
# pkg-config file are in Debian's places.
# Usage: deb.sh SOURCE_DIR
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
deb=$("$src/scripts/package" | tail -n 1)
[ -f "$deb" ] || { echo "deb: scripts/package made no package"; exit 1; }
case "$(basename "$deb")" in
newsocr_*_amd64.deb) ;;
*) echo "deb: unexpected name $deb"; exit 1 ;;
esac
depends=$(dpkg-deb -f "$deb" Depends)
for want in libtesseract5 liblept5 tesseract-ocr-chi-sim tesseract-ocr-eng; do
    echo "$depends" | grep -q "$want" || { echo "deb: Depends lacks $want: $depends"; exit 1; }
done
dpkg -x "$deb" "$tmp/root"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for f in usr/bin/newsocr usr/bin/newsocr-eval usr/include/newsocr.h \
    "usr/lib/$multiarch/libnewsocr.so.0" "usr/lib/$multiarch/pkgconfig/newsocr.pc" \
    usr/lib/python3/dist-packages/newsocr/__init__.py usr/share/newsocr/newsocr.config \
    usr/share/man/man1/newsocr.1 usr/share/man/man1/newsocr-eval.1 \
    usr/share/man/man3/newsocr.3; do
    [ -e "$tmp/root/$f" ] || { echo "deb: $f missing from the package"; exit 1; }
done
out=$(LD_LIBRARY_PATH="$tmp/root/usr/lib/$multiarch" "$tmp/root/usr/bin/newsocr" \
    "$src/samples/p02-seed-article.png")
echo "$out" | grep -q "街角会客厅" || { echo "deb: the installed newsocr misread the seed page"; exit 1; }
# The packaged library finds the settings installed with it, wherever the root is; the
# packaged Python module loads the packaged library.
config=$(NEWSOCR_LIBRARY="$tmp/root/usr/lib/$multiarch/libnewsocr.so.0" \
    PYTHONPATH="$tmp/root/usr/lib/python3/dist-packages" /usr/bin/python3 -c \
    'import newsocr; print(newsocr.Engine().config)')
[ "$config" = "$tmp/root/usr/lib/$multiarch/../../share/newsocr/newsocr.config" ] ||
    { echo "deb: the packaged library uses settings '$config', not its own"; exit 1; }
echo "deb: $(basename "$deb") ok: $(echo "$out" | wc -l) lines read from the seed page"
