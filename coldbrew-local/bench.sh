#!/bin/sh
# Warm invoke overhead of the local Lambda (see WarmInvokeBenchmark). Usage: coldbrew-local/bench.sh [invokes-per-run [cold-starts [modes]]]
# Only the Invoke API rows: coldbrew-local/bench.sh http [invokes-per-run]
# The connection check's socket lookup (see SocketLookupBenchmark): coldbrew-local/bench.sh lookup [connections]
# A user of its own per environment, cold starts (see OwnUserColdStartBenchmark, as root): coldbrew-local/bench.sh user [cold-starts]
# It installs coldbrew's modules into Maven's local repository: ~/.m2 unless MAVEN_ARGS or MAVEN_OPTS name another,
# e.g. MAVEN_ARGS=-Dmaven.repo.local=/tmp/m2 coldbrew-local/bench.sh (the wrapper's Maven 3.9 reads both).
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -pl coldbrew-local -am install -DskipTests
./mvnw -B -q -pl coldbrew-local test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/coldbrew-local/target/bench.classpath"
. scripts/jdk25.sh
JAVA="$JAVA_HOME/bin/java"
main=dev.coldbrew.local.bench.WarmInvokeBenchmark
if [ "${1:-}" = lookup ]; then
    main=dev.coldbrew.local.isolation.SocketLookupBenchmark
    shift
elif [ "${1:-}" = user ]; then
    main=dev.coldbrew.local.bench.OwnUserColdStartBenchmark
    shift
fi
exec "$JAVA" --enable-native-access=ALL-UNNAMED \
    -cp "coldbrew-local/target/test-classes:coldbrew-local/target/classes:$(cat coldbrew-local/target/bench.classpath)" \
    "$main" "$@"
