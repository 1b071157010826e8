package dev.coldbrew.bench.strategy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The strategies this bench knows, in table order; the first is the baseline every ratio is against. */
public final class Strategies {
    private final List<Strategy> all;

    private Strategies(List<Strategy> all) {
        this.all = List.copyOf(all);
    }

    /** Every strategy, probing the machine through {@code environment} (PATH, GRAALVM_HOME). */
    public static Strategies of(Map<String, String> environment) {
        return new Strategies(List.of(
                new AwsJavaStrategy(),
                JvmStrategy.c2(),
                JvmStrategy.c1(),
                new AotStrategy(),
                AotStrategy.primed(),
                new GoRpcStrategy(),
                GoRpcStrategy.seedBridgeJvm(),
                new PackageProvidedStrategy(environment),
                PackageProvidedStrategy.primed(environment),
                new NativeStrategy(environment),
                NativeStrategy.seedBridge(environment)));
    }

    public List<Strategy> all() {
        return all;
    }

    public Strategy byName(String name) {
        return all.stream()
                .filter(s -> s.name().equals(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown strategy '" + name + "': valid strategies are " + names()));
    }

    public String names() {
        return all.stream().map(Strategy::name).collect(Collectors.joining(", "));
    }
}
