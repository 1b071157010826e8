#!/usr/bin/env bash
# coldbrew-gorpc's measurements (not part of `verify`):
#   1. JMH: gob encode/decode of an InvokeRequest (1 KiB, 1 MiB) against a plain payload copy, and a warm
#      Function.Invoke round trip over loopback against a plain socket echo of the same bytes.
#   2. Go's own net/rpc client invoking a Go go1.x function and a Java one (GoRpcFunctionServer), alternately,
#      1 KiB echo: mean microseconds per warm invoke for each measured round.
# Usage: coldbrew-gorpc/bench.sh [jmh|go|all]   (needs Go for part 2: apt-get install golang-go)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh
what="${1:-all}"
java="$JAVA_HOME/bin/java"

./mvnw -B -q -pl coldbrew-gorpc -am install -DskipTests
./mvnw -B -q -pl coldbrew-gorpc dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/jmh.cp
cp="coldbrew-gorpc/target/test-classes:coldbrew-gorpc/target/classes:$(cat coldbrew-gorpc/target/jmh.cp)"

if [ "$what" = jmh ] || [ "$what" = all ]; then
    "$java" -cp "$cp" org.openjdk.jmh.Main 'GobCodecBenchmark|InvokeRoundTripBenchmark' \
        -rf json -rff coldbrew-gorpc/target/jmh-result.json
fi

if [ "$what" = go ] || [ "$what" = all ]; then
    work=$(mktemp -d)
    pids=()
    cleanup() {
        for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
        rm -rf "$work"
    }
    trap cleanup EXIT
    cp -r coldbrew-gorpc/src/test/resources/go-interop "$work/src"
    (cd "$work/src" && GOCACHE="$work/gocache" GOPATH="$work/gopath" GOPROXY=off GO111MODULE=on \
        go build -o "$work/bin/" ./cmd/bench ./cmd/server)
    free_port() { shuf -i 20000-59999 -n 1; } # a random port; rerun on the rare collision
    go_port=$(free_port)
    java_port=$(free_port)
    _LAMBDA_SERVER_PORT=$go_port "$work/bin/server" & pids+=($!)
    _LAMBDA_SERVER_PORT=$java_port "$java" -cp "$cp" dev.coldbrew.gorpc.bench.EchoFunction & pids+=($!)
    for run in 1 2 3; do
        echo "round means (us/invoke), run $run, Go function:   $(_LAMBDA_SERVER_PORT=$go_port "$work/bin/bench" | tr '\n' ' ')"
        echo "round means (us/invoke), run $run, Java function: $(_LAMBDA_SERVER_PORT=$java_port "$work/bin/bench" | tr '\n' ' ')"
    done
fi
