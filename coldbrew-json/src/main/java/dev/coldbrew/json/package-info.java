/**
 * coldbrew's JSON codec for POJO handlers: {@link dev.coldbrew.json.Json} maps handler inputs and outputs,
 * including {@code aws-lambda-java-events} types (API Gateway REST and HTTP APIs, SQS, S3, SNS, Kinesis,
 * DynamoDB Streams, EventBridge scheduled events), on jackson-jr. The
 * runtime itself stays dependency-free; functions that want POJOs add this module.
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
 * process spawn to the line printed after the first successful decode. JDK 25.0.3, 2 cores, n=15 per candidate,
 * candidates interleaved, median [min–max]:
 *
 * <table>
 *   <caption>spawn → first decode</caption>
 *   <tr><th>library</th><th>jars</th><th>classes loaded</th><th>default CDS</th><th>with AOT cache</th></tr>
 *   <tr><td>none (event built by hand: the floor)</td><td>0</td><td>753</td><td>43 ms [39–132]</td>
 *       <td>29 ms [26–75]</td></tr>
 *   <tr><td>jackson-jr 2.23.0 (+ jackson-core)</td><td>697 KiB</td><td>1030</td><td>128 ms [107–687]</td>
 *       <td>81 ms [61–469]</td></tr>
 *   <tr><td>jackson-databind 2.23.0 (+ core, annotations)</td><td>2348 KiB</td><td>1795</td>
 *       <td>276 ms [259–627]</td><td>139 ms [107–498]</td></tr>
 *   <tr><td>DSL-JSON 2.0.2, run-time analysis</td><td>447 KiB</td><td>1230</td><td>158 ms [140–378]</td>
 *       <td>101 ms [75–423]</td></tr>
 * </table>
 *
 * <p>jackson-jr decodes first in about half the time of databind (0.46×, 0.58× with an AOT cache) and loads 765
 * fewer classes from a jar a third the size; DSL-JSON is smaller but slower to its first decode (1.23×) and its
 * reflection-based mode is the less used path of a library built around compile-time generation, which cannot
 * see {@code aws-lambda-java-events} classes. jackson-jr also has the extension points the event types need
 * (renamed properties, hand-written readers), and its reflection is limited to bean getters, setters and
 * constructors, which {@code META-INF/native-image/dev.coldbrew/coldbrew-json/reachability-metadata.json}
 * registers for the event types (a user's own POJOs need the same entries in the function's metadata).
 */
package dev.coldbrew.json;
