#!/bin/sh
# Builds the bridge as a C shared library: build.sh OUTPUT_FILE JAVA_HOME [GO_BUILD_TAGS]
# Go's standard library only (no module downloads); cgo compiles against the JDK's JNI headers.
set -eu
out=$1
java_home=$2
tags=${3:-}
go=${COLDBREW_GO:-go}
if ! command -v "$go" >/dev/null 2>&1; then
    echo "coldbrew-bridge-jni-go: building $(basename "$out") needs Go with cgo, but '$go' is not on PATH ($PATH)." >&2
    echo "Install it (Debian: apt-get install -y golang-go; CI's .ci/run does) or set COLDBREW_GO=/path/to/go." >&2
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
