package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import java.util.List;
import java.util.Map;

/**
 * The baseline, the seed's "plain Java": AWS's own runtime interface client running the example's
 * {@code RequestStreamHandler}, as Lambda's managed {@code java25} runtime does, with AWS's documented JVM flags
 * (C1 only, serial GC). The local Lambda's {@code java25} kind supplies the command line.
 */
public final class AwsJavaStrategy implements Strategy {
    public static final String NAME = "aws-java";

    /** The flags the local Lambda's java25 kind starts AWS's client with, as recorded in results.json. */
    static final List<String> MANAGED_RUNTIME_FLAGS = List.of(
            "-XX:MaxHeapSize=<85% of memory size>",
            "-XX:MaxMetaspaceSize=<10% of memory size>",
            "-XX:ReservedCodeCacheSize=<5% of memory size>",
            "-XX:+UseSerialGC",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-Djava.net.preferIPv4Stack=true",
            "--enable-native-access=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AWS's Java runtime interface client as Lambda's managed java25 runtime runs it"
                + " (-XX:TieredStopAtLevel=1, serial GC, 85% heap)";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) {
        return new PreparedFunction(
                workload.codeDirectory(context.home()),
                RuntimeKind.JAVA25,
                workload.awsHandler(),
                MANAGED_RUNTIME_FLAGS,
                Map.of());
    }
}
