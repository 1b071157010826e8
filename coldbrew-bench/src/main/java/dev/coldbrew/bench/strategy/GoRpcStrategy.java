package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * coldbrew's runtime speaking Lambda's go1.x protocol (Go net/rpc + gob, coldbrew-gorpc) instead of the Runtime API,
 * with the same JDK 25 AOT cache and flags as {@value AotStrategy#NAME}: the code directory is the workload's jars
 * plus coldbrew-gorpc's, the go1.x handler names the same bootstrap script, and the cache is trained by invokes
 * over go1.x in the local Lambda (coldbrew-package's AOT trainer, as {@value AotStrategy#NAME}'s). The local Lambda runs it as {@code go1.x}: {@code _LAMBDA_SERVER_PORT}, ping,
 * then {@code Function.Invoke} per event.
 *
 * <p>{@link #seedBridgeJvm()} is the same with the seed's bridge as the transport: the code directory also holds
 * coldbrew-bridge-jni-go's jar and {@code libcoldbrew-jni-go.so} next to it in {@code lib/} (where the bridge
 * finds it), and {@code COLDBREW_TRANSPORT=jni-go} picks it over coldbrew-gorpc, in training too.
 */
public final class GoRpcStrategy implements Strategy {
    public static final String NAME = "gorpc";
    /** The seed's bridge (Go net/rpc in a shared library, Java over JNI) on the JVM with an AOT cache. */
    public static final String SEED_BRIDGE_JVM = "seed-bridge-jvm";

    /** The go1.x handler: the executable Lambda's go1.x runtime starts. */
    static final String EXECUTABLE = "bootstrap";

    private final AotStrategy aot = new AotStrategy();
    private final String name;
    private final String description;
    private final boolean bridge;

    /** The pure-Java go1.x transport, coldbrew-gorpc. */
    public GoRpcStrategy() {
        this(
                NAME,
                "coldbrew's runtime serving Lambda's go1.x protocol (coldbrew-gorpc) on JDK 25 with an AOT cache"
                        + " trained over go1.x in the local Lambda (-XX:AOTMode=on -XX:AOTCache; C1+C2, serial GC)",
                false);
    }

    private GoRpcStrategy(String name, String description, boolean bridge) {
        this.name = name;
        this.description = description;
        this.bridge = bridge;
    }

    /** The seed's bridge as the go1.x transport, otherwise as {@link #GoRpcStrategy()}. */
    public static GoRpcStrategy seedBridgeJvm() {
        return new GoRpcStrategy(
                SEED_BRIDGE_JVM,
                "the seed's bridge: Go's net/rpc in a C shared library serves go1.x and hands each event to"
                        + " coldbrew's runtime over JNI (COLDBREW_TRANSPORT=jni-go), on JDK 25 with an AOT cache"
                        + " trained over go1.x in the local Lambda (-XX:AOTMode=on -XX:AOTCache; C1+C2, serial GC)",
                true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Availability availability() {
        if (bridge && SeedBridge.missing().isPresent()) {
            return Availability.no(SeedBridge.missing().get());
        }
        return aot.availability();
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        Path dir = context.directoryFor(this, workload.id());
        try {
            CodeDirectory.copyLib(workload.codeDirectory(context.home()), dir);
            FunctionJars.copy(name, context.home(), FunctionJars.GORPC, dir.resolve("lib"));
            FunctionJars.copy(name, context.home(), FunctionJars.GORPC_RUNTIME, dir.resolve("lib"));
            if (bridge) {
                FunctionJars.copy(name, context.home(), FunctionJars.BRIDGE, dir.resolve("lib"));
                SeedBridge.copyLibrary(dir.resolve("lib"));
            }
            BootstrapScript.write(dir, name + ": " + description(), AotStrategy.bootstrapBody(workload, context, dir));
        } catch (IOException | UncheckedIOException e) {
            throw new PreparationException(name + ": writing the code directory " + dir + " failed", e);
        }
        Map<String, String> environment = bridge ? SeedBridge.ENVIRONMENT : Map.of();
        PreparedFunction function =
                new PreparedFunction(dir, RuntimeKind.GO1X, EXECUTABLE, AotStrategy.flags(), environment);
        AotStrategy.train(name, workload, context, function);
        return function;
    }
}
