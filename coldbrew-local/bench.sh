#!/bin/sh
# Warm invoke overhead of the local Lambda (see WarmInvokeBenchmark). Usage: coldbrew-local/bench.sh [invokes-per-run [cold-starts]]
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -pl coldbrew-local -am install -DskipTests
./mvnw -B -q -pl coldbrew-local test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/coldbrew-local/target/bench.classpath"
. scripts/jdk25.sh
JAVA="$JAVA_HOME/bin/java"
exec "$JAVA" -cp "coldbrew-local/target/test-classes:coldbrew-local/target/classes:$(cat coldbrew-local/target/bench.classpath)" \
    dev.coldbrew.local.bench.WarmInvokeBenchmark "$@"
