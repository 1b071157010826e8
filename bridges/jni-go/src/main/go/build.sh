#!/bin/sh
# Builds the bridge as a C shared library: build.sh OUTPUT_FILE JAVA_HOME [GO_BUILD_TAGS]
# Go's standard library only (no module downloads); cgo compiles against the JDK's JNI headers.
#
# Go is found as coldbrew's tests find it (GoToolchain): COLDBREW_GO if set (then it must be a Go binary), else `go`
# on PATH, else the usual install places (COLDBREW_GO_PLACES, newest version first). Without Go the library is not
# built: the jar then carries none, the tests that need it are skipped and the bench's seed-bridge strategies say
# "not available". The build goes on, with a warning that says so.
set -eu
out=$1
java_home=$2
tags=${3:-}
places=${COLDBREW_GO_PLACES:-/usr/local/go/bin /usr/lib/go/bin /usr/lib/go-*/bin ${HOME:-/nonexistent}/sdk/go*/bin /snap/bin}

find_go() {
    if [ -n "${COLDBREW_GO:-}" ]; then
        echo "$COLDBREW_GO"
        return 0
    fi
    if command -v go >/dev/null 2>&1; then
        command -v go
        return 0
    fi
    # The newest version first: sort the matches of each place by version, highest last, and keep the last.
    found=
    set -f # split the list into places without matching their patterns yet
    for place in $places; do
        set +f
        for candidate in $place; do
            if [ -f "$candidate/go" ] && [ -x "$candidate/go" ]; then
                found="$found$candidate/go
"
            fi
        done
        if [ -n "$found" ]; then
            printf '%s' "$found" | sort -V | tail -n 1
            return 0
        fi
        set -f
    done
    set +f
    return 1
}

if [ -n "${COLDBREW_GO:-}" ] && { [ ! -f "$COLDBREW_GO" ] || [ ! -x "$COLDBREW_GO" ]; }; then
    echo "coldbrew-bridge-jni-go: COLDBREW_GO is '$COLDBREW_GO', but that is not an executable file (a Go binary)." >&2
    exit 1
fi
if ! go=$(find_go); then
    echo "[WARNING] coldbrew-bridge-jni-go: no Go found (COLDBREW_GO, PATH, $places), so $(basename "$out") is not" \
        "built: the jar carries no bridge library, its tests are skipped and the bench's seed-bridge strategies are" \
        "not available. Install Go 1.19 or later with cgo (Debian: apt-get install golang-go) and rebuild to have it." >&2
    rm -f "$out" # a library from an earlier build would no longer match the sources
    exit 0
fi
if ! command -v "${CC:-gcc}" >/dev/null 2>&1; then
    echo "coldbrew-bridge-jni-go: building $(basename "$out") with cgo needs a C compiler, but '${CC:-gcc}' is not on" \
        "PATH ($PATH). Install one (Debian: apt-get install gcc libc6-dev) or set CC." >&2
    exit 1
fi
if [ ! -f "$java_home/include/jni.h" ]; then
    echo "coldbrew-bridge-jni-go: no JNI headers in $java_home/include (jni.h): build with a JDK, not a JRE." >&2
    exit 1
fi
if [ -z "${GOCACHE:-}" ] && [ -z "${HOME:-}" ] && [ -z "${XDG_CACHE_HOME:-}" ]; then
    export GOCACHE="$(dirname "$out")/gocache"
fi
cd "$(dirname "$0")"
mkdir -p "$(dirname "$out")"
CGO_ENABLED=1 \
CGO_CFLAGS="-O2 -I$java_home/include -I$java_home/include/linux" \
GOPROXY=off GOFLAGS= GO111MODULE=on \
    "$go" build -buildmode=c-shared -trimpath -ldflags "-s -w" -tags "$tags" -o "$out" .
rm -f "${out%.so}.h"
