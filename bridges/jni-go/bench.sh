#!/usr/bin/env bash
# The bridge's per-invoke cost against the pure-Java go1.x path (not part of `verify`): JMH, a warm
# Function.Invoke echo from coldbrew-gorpc's client over loopback, served by GoRpcFunctionServer (gob + net/rpc in
# Java) and by the JNI bridge (Go's net/rpc, a channel, readRequest/writeResponse over JNI), 1 KiB and 1 MiB.
# Usage: bridges/jni-go/bench.sh [JMH options...]   (needs Go with cgo to build the library)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk25.sh

./mvnw -B -q -pl bridges/jni-go -am install -DskipTests
./mvnw -B -q -pl bridges/jni-go dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/jmh.cp
module=bridges/jni-go/target
export COLDBREW_JNI_GO_LIBRARY
COLDBREW_JNI_GO_LIBRARY=$(ls "$module"/classes/META-INF/native/linux-*/libcoldbrew-jni-go.so | head -n 1)
"$JAVA_HOME/bin/java" -cp "$module/test-classes:$module/classes:$(cat "$module/jmh.cp")" \
    org.openjdk.jmh.Main BridgeInvokeBenchmark -rf json -rff "$module/jmh-result.json" "$@"
