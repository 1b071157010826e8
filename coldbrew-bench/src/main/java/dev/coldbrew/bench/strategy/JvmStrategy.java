package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coldbrew's runtime on a plain JDK 25: a generated {@code bootstrap} runs the example's {@code main}, which
 * registers its handler with {@code LambdaRuntime.run}. Same memory split and GC as the managed runtime; the
 * {@code c1} variant adds AWS's {@code -XX:TieredStopAtLevel=1} to show what stopping at C1 costs.
 */
public final class JvmStrategy implements Strategy {
    public static final String NAME = "coldbrew-jvm";
    public static final String C1_NAME = "coldbrew-jvm-c1";

    private final String name;
    private final List<String> extraFlags;

    private JvmStrategy(String name, List<String> extraFlags) {
        this.name = name;
        this.extraFlags = List.copyOf(extraFlags);
    }

    /** The JDK's default tiered compilation, C1 then C2. */
    public static JvmStrategy c2() {
        return new JvmStrategy(NAME, List.of());
    }

    /** Stops at C1, as Lambda's managed Java runtimes do by default. */
    public static JvmStrategy c1() {
        return new JvmStrategy(C1_NAME, List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "coldbrew's runtime on JDK 25 (provided.al2023 bootstrap; managed-runtime memory split, serial GC"
                + (extraFlags.isEmpty() ? ", C1+C2)" : ", " + String.join(" ", extraFlags) + ")");
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException {
        var dir = context.directoryFor(this, workload.id());
        try {
            List<String> jars = CodeDirectory.copyLib(workload.codeDirectory(context.home()), dir);
            String command = BootstrapScript.javaCommand(
                    context.javaHome(), extraFlags, jars, workload.coldbrewMainClass(), List.of());
            BootstrapScript.write(dir, name + ": " + description(), command);
        } catch (IOException e) {
            throw new PreparationException(name + ": writing the code directory " + dir + " failed", e);
        }
        List<String> flags = new ArrayList<>(BootstrapScript.MEMORY_FLAGS);
        flags.addAll(extraFlags);
        return new PreparedFunction(dir, RuntimeKind.PROVIDED, workload.coldbrewMainClass(), flags, Map.of());
    }
}
