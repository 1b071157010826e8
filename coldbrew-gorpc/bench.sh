#!/usr/bin/env bash
# coldbrew-gorpc's measurements (not part of `verify`):
#   1. JMH: gob encode/decode of an InvokeRequest (1 KiB, 1 MiB) against a plain payload copy, and a warm
#      Function.Invoke round trip over loopback against a plain socket echo of the same bytes.
#   2. Go's own net/rpc client invoking a Go go1.x function and a Java one (GoRpcFunctionServer), alternately,
#      1 KiB echo: mean microseconds per warm invoke for each measured round.
#   3. Readiness: the function process and the Go caller start together; milliseconds until the first Ping
#      and Invoke are answered, for the Go function and the Java one (plain JVM, no AOT cache), 10 runs each.
# Usage: coldbrew-gorpc/bench.sh [jmh|go|ready|all]   (parts 2 and 3 need Go: apt-get install golang-go)
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

if [ "$what" != jmh ]; then
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
    summary() { # numbers on stdin -> "median M [min–max], n=N"
        sort -g | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
            printf "median %.1f [%.1f-%.1f], n=%d", m, v[1], v[NR], NR}'
    }
fi

if [ "$what" = ready ] || [ "$what" = all ]; then
    ready_ms() { # $1 = label, rest = the function's command line
        local label="$1" port results="" pid
        shift
        for run in 1 2 3 4 5 6 7 8 9 10; do
            port=$(free_port)
            _LAMBDA_SERVER_PORT=$port "$@" & pid=$!
            results="$results $(_LAMBDA_SERVER_PORT=$port "$work/bin/bench" -ready)"
            kill "$pid"; wait "$pid" 2>/dev/null || true
        done
        echo "ms to first Ping+Invoke, $label:$results -> $(echo "$results" | tr ' ' '\n' | grep . | summary)"
    }
    ready_ms "Go function  " "$work/bin/server"
    ready_ms "Java function" "$java" -cp "$cp" dev.coldbrew.gorpc.bench.EchoFunction
fi

if [ "$what" = go ] || [ "$what" = all ]; then
    go_port=$(free_port)
    java_port=$(free_port)
    _LAMBDA_SERVER_PORT=$go_port "$work/bin/server" & pids+=($!)
    _LAMBDA_SERVER_PORT=$java_port "$java" -cp "$cp" dev.coldbrew.gorpc.bench.EchoFunction & pids+=($!)
    go_rounds=""
    java_rounds=""
    for run in 1 2 3; do # alternate, so both see the same machine load
        go_rounds="$go_rounds $(_LAMBDA_SERVER_PORT=$go_port "$work/bin/bench" | tr '\n' ' ')"
        java_rounds="$java_rounds $(_LAMBDA_SERVER_PORT=$java_port "$work/bin/bench" | tr '\n' ' ')"
    done
    echo "us per warm 1 KiB invoke from Go's client, Go function:   $(echo "$go_rounds" | tr ' ' '\n' | grep . | summary)"
    echo "us per warm 1 KiB invoke from Go's client, Java function: $(echo "$java_rounds" | tr ' ' '\n' | grep . | summary)"
fi
