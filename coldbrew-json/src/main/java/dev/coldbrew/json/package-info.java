/**
 * coldbrew's JSON codec for POJO handlers: {@link dev.coldbrew.json.Json} maps handler inputs and outputs,
 * including {@code aws-lambda-java-events} types (API Gateway REST and HTTP APIs, SQS, S3, SNS, Kinesis,
 * DynamoDB Streams, EventBridge scheduled events), on jackson-jr. The runtime itself stays dependency-free;
 * functions that want POJOs add this module.
 *
 * <p>Two ways in: put this jar on the class path and an unchanged {@code RequestHandler<I, O>} run through
 * {@code dev.coldbrew.runtime.Main} finds {@link dev.coldbrew.json.JsonCodecProvider} by {@code ServiceLoader};
 * or register from {@code main} with explicit codecs:
 * {@code Json json = Json.create(); LambdaRuntime.run(handler, json.codec(In.class), json.codec(Out.class));}
 *
 * <h2>Why jackson-jr</h2>
 *
 * <p>Chosen by start-up cost, since the codec's first use sits on every cold start. Measured with
 * {@code dev.coldbrew.startup.json.JsonLibraryBench} (module coldbrew-startup-bench): a fresh JVM reads an API
 * Gateway proxy event from stdin and decodes it into {@code APIGatewayProxyRequestEvent}; the time runs from
 * process spawn to the line printed after the first successful decode. JDK 25.0.3, 2 cores (load average 2.9),
 * n=20 per candidate, candidates interleaved, median [min–max]:
 *
 * <table>
 *   <caption>spawn → first decode</caption>
 *   <tr><th>library</th><th>jars</th><th>classes loaded</th><th>default CDS</th><th>with AOT cache</th></tr>
 *   <tr><td>none (event built by hand: the floor)</td><td>0</td><td>545</td><td>45 ms [33–97]</td>
 *       <td>34 ms [26–88]</td></tr>
 *   <tr><td>jackson-jr 2.23.0 (+ jackson-core)</td><td>697 KiB</td><td>1010</td><td>138 ms [109–271]</td>
 *       <td>86 ms [53–168]</td></tr>
 *   <tr><td>jackson-databind 2.23.0 (+ core, annotations)</td><td>2348 KiB</td><td>1777</td>
 *       <td>381 ms [235–581]</td><td>203 ms [127–436]</td></tr>
 *   <tr><td>DSL-JSON 2.0.2, run-time analysis</td><td>447 KiB</td><td>1210</td><td>194 ms [122–364]</td>
 *       <td>106 ms [78–226]</td></tr>
 *   <tr><td>this module (jackson-jr + the event mappings)</td><td>746 KiB</td><td>1065</td>
 *       <td>168 ms [113–298]</td><td>104 ms [58–208]</td></tr>
 * </table>
 *
 * <p>jackson-jr decodes first in about a third of the time of databind (0.36×, 0.42× with an AOT cache) and loads
 * 767 fewer classes from a jar a third the size; DSL-JSON is smaller but slower to its first decode (1.41×, 1.23×
 * with an AOT cache) and its reflection-based mode is the less used path of a library built around compile-time
 * generation, which cannot see {@code aws-lambda-java-events} classes. jackson-jr also has the extension points the
 * event types need (renamed properties, hand-written readers), and its reflection is limited to bean getters,
 * setters and constructors, which {@code META-INF/native-image/dev.coldbrew/coldbrew-json/reachability-metadata.json}
 * registers for the event types (a user's own POJOs need the same entries in the function's metadata).
 */
package dev.coldbrew.json;
