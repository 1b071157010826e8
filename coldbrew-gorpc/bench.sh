#!/usr/bin/env bash
# coldbrew-gorpc's measurements (not part of `verify`):
#   1. JMH: gob encode/decode of an InvokeRequest (1 KiB, 1 MiB) against a plain payload copy, and a warm
#      Function.Invoke round trip over loopback against a plain socket echo of the same bytes.
#   2. Go's own net/rpc client invoking a Go go1.x function and a Java one (GoRpcFunctionServer), alternately,
#      1 KiB echo: mean microseconds per warm invoke for each measured round.
#   3. Readiness: the function process and the Go caller start together; milliseconds until the first Ping
#      and Invoke are answered: the Go function, the Java one on a plain JVM, and the Java one with a JDK 25
#      AOT cache trained on one run; 10 interleaved runs each.
#   4. flood (not part of all): a Java go1.x echo function with a 256 MiB heap, 80 connections that each invoke
#      once with 6 MiB at the same moment, then one more 1 KiB invoke; what was answered, refused or timed out.
# Usage: coldbrew-gorpc/bench.sh [jmh|go|ready|all|flood]   (parts 2 and 3 need Go: apt-get install golang-go)
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
    # Jars, not directories: the AOT cache (JDK 25, JEP 483/514) only accepts jars on the class path.
    "$JAVA_HOME/bin/jar" cf "$work/echo.jar" -C coldbrew-gorpc/target/test-classes \
        dev/coldbrew/gorpc/bench/EchoFunction.class
    jars="$work/echo.jar:$(ls coldbrew-gorpc/target/coldbrew-gorpc-*.jar | grep -v -- '-tests\.jar$' | head -n 1)"
    jars="$jars:$(ls coldbrew-runtime-api/target/coldbrew-runtime-api-*.jar | head -n 1)"
    echo_fn=("$java" -cp "$jars" dev.coldbrew.gorpc.bench.EchoFunction)
    # Training as coldbrew-package's AotTrainer does it: record while serving some invokes (SIGTERM ends the run and
    # writes the configuration), then create the cache in a separate JVM.
    port=$(free_port)
    _LAMBDA_SERVER_PORT=$port "$java" -XX:AOTMode=record -XX:AOTConfiguration="$work/echo.aotconf" -cp "$jars" \
        dev.coldbrew.gorpc.bench.EchoFunction >"$work/aot-training.log" 2>&1 & pid=$!
    pids+=("$pid")
    _LAMBDA_SERVER_PORT=$port "$work/bin/bench" -rounds 2 -calls 500 >/dev/null
    kill "$pid"; wait "$pid" 2>/dev/null || true
    "$java" -XX:AOTMode=create -XX:AOTConfiguration="$work/echo.aotconf" -XX:AOTCache="$work/echo.aot" -cp "$jars" \
        >>"$work/aot-training.log" 2>&1 || { cat "$work/aot-training.log" >&2; exit 1; }
    ready_one() { # the function's command line -> ms until its first Ping+Invoke is answered
        local port pid ms
        port=$(free_port)
        _LAMBDA_SERVER_PORT=$port "$@" & pid=$!
        ms=$(_LAMBDA_SERVER_PORT=$port "$work/bin/bench" -ready)
        kill "$pid"; wait "$pid" 2>/dev/null || true
        echo "$ms"
    }
    go_ms=""; plain_ms=""; aot_ms=""
    for run in 1 2 3 4 5 6 7 8 9 10; do # interleaved, so all three see the same machine load
        go_ms="$go_ms $(ready_one "$work/bin/server")"
        plain_ms="$plain_ms $(ready_one "${echo_fn[@]}")"
        aot_ms="$aot_ms $(ready_one "$java" -XX:AOTCache="$work/echo.aot" -cp "$jars" dev.coldbrew.gorpc.bench.EchoFunction)"
    done
    echo "ms from process start to first Ping+Invoke, Go function:        $(echo "$go_ms" | tr ' ' '\n' | grep . | summary)"
    echo "ms from process start to first Ping+Invoke, Java, plain JVM:    $(echo "$plain_ms" | tr ' ' '\n' | grep . | summary)"
    echo "ms from process start to first Ping+Invoke, Java, AOT cache:    $(echo "$aot_ms" | tr ' ' '\n' | grep . | summary)"
fi

if [ "$what" = flood ]; then
    port=$(free_port)
    _LAMBDA_SERVER_PORT=$port "$java" -Xmx256m -cp "$cp" dev.coldbrew.gorpc.bench.EchoFunction \
        2>"$work/flood-function.log" & pids+=($!)
    _LAMBDA_SERVER_PORT=$port "$java" -Xmx3g -cp "$cp" dev.coldbrew.gorpc.bench.FloodClient 80 6291456
    echo "OutOfMemoryErrors in the function's log: $(grep -c OutOfMemoryError "$work/flood-function.log" || true)"
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
