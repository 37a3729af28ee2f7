#!/bin/sh
# Validate every committed sample's PAGE XML against the PAGE 2019 schema.
# Usage: test-validate.sh SAMPLES_DIR SCHEMA.xsd
# The schema ships with the project (pipeline/schema/); the test is skipped
# (exit 77) only when it or xmllint is missing.
samples=$1
schema=$2
if [ ! -f "$schema" ]; then
    echo "SKIP: PAGE schema not found at $schema "
    exit 77
fi
if ! command -v xmllint >/dev/null 2>&1; then
    echo "SKIP: xmllint not installed (Debian package libxml2-utils)"
    exit 77
fi
n=0
fail=0
for f in "$samples"/*.page.xml; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    if ! xmllint --noout --nonet --schema "$schema" "$f"; then
        echo "FAIL: $f does not validate"
        fail=1
    fi
done
if [ "$n" -eq 0 ]; then
    echo "FAIL: no PAGE XML in $samples"
    exit 1
fi
echo "$n PAGE XML files checked"
exit $fail
