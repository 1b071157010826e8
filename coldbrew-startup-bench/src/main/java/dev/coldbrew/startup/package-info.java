/**
 * coldbrew's start-up benchmark (issue 2): how long a function takes from process spawn to its first
 * {@code GET /next}, how long its first invoke takes, and its peak RSS, for coldbrew and for AWS's runtime
 * interface client, measured in the same run against the same in-process fake Runtime API.
 *
 * <pre>
 * coldbrew-startup-bench/startup-bench --runs 20 [--out target/startup-bench] [--jvm-option -XX:+UseSerialGC]
 * coldbrew-startup-bench/startup-bench json --runs 20      # the JSON library measurement
 * </pre>
 *
 * <p>The script finds a JDK 25, runs {@code ./mvnw -q -B install -DskipTests -pl coldbrew-startup-bench -am} and
 * then {@code $JAVA_HOME/bin/java -cp 'coldbrew-startup-bench/target/lib/*:coldbrew-startup-bench/target/classes'
 * dev.coldbrew.startup.StartupBench …}.
 *
 * <p>What runs: {@code java -version} (the JVM's floor, spawn → exit); examples/hello on coldbrew, on the JDK's
 * default CDS archive and with a JDK 25 AOT cache (coldbrew-package's AOT trainer: a training run with
 * {@code -XX:AOTMode=record} serves {@link dev.coldbrew.startup.spawn.Spawner#TRAINING_INVOKES} invokes and is
 * stopped with SIGTERM, which writes the AOT configuration, then {@code -XX:AOTMode=create} writes the cache;
 * measured runs use {@code -XX:AOTCache}); AWS's client 2.10.1 running the same logic as a
 * {@code RequestStreamHandler}, without and with its own AOT cache; the POJO form ({@code RequestHandler<Map, Map>})
 * on AWS's client and on coldbrew's generic {@code Main} with coldbrew-json; and the two ~100-line loops of
 * {@link dev.coldbrew.startup.loops} (plain socket vs {@code HttpURLConnection}) that justify coldbrew's hand-written
 * HTTP client. Subjects run interleaved, round after round.
 *
 * <p>How it is timed ({@link dev.coldbrew.startup.server.TimedRuntimeApi}, {@link System#nanoTime()} in the
 * benchmark's JVM): init = spawn → the first {@code GET /next} arriving; first invoke = the event flushed → the
 * {@code POST /response} body read; peak RSS = {@code VmHWM} of {@code /proc/<pid>/status} read after the first
 * response, while the function waits in its next long poll. Medians with [min–max]; ratios against the client
 * running the same handler form and against {@code java -version}. Statistics, load average and number formats are
 * coldbrew-bench's ({@code measure/}, {@code report/}), so both benchmarks' tables read alike. Output: the markdown table on stdout and in
 * {@code <out>/startup.md}; each subject's output in {@code <out>/logs/}.
 *
 * <p>{@link dev.coldbrew.startup.json.JsonLibraryBench} is the separate measurement behind coldbrew-json's choice of
 * JSON library.
 */
package dev.coldbrew.startup;
