package dev.coldbrew.bench.measure;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The first successful response of each workload under each strategy, with the time the function measured
 * itself ({@code "computeMs"}) blanked: every strategy runs the same seeded work, so these must be identical, and a
 * difference means a comparison of different work.
 */
public final class Responses {
    private static final Pattern COMPUTE_TIME = Pattern.compile("\"computeMs\":-?[0-9][0-9.eE+-]*");
    private static final String BLANKED = "\"computeMs\":_";

    private final Map<String, Map<String, String>> byWorkload = new LinkedHashMap<>();

    /** Keeps {@code payload} as the response of {@code workload} under {@code strategy} unless one is kept. */
    public void offer(String workload, String strategy, byte[] payload) {
        byWorkload
                .computeIfAbsent(workload, w -> new LinkedHashMap<>())
                .putIfAbsent(strategy, normalize(new String(payload, StandardCharsets.UTF_8)));
    }

    static String normalize(String response) {
        return COMPUTE_TIME.matcher(response).replaceAll(BLANKED);
    }

    /** Strategy → normalized response, in the order measured. */
    public Map<String, String> of(String workload) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byWorkload.getOrDefault(workload, Map.of())));
    }

    public List<String> workloads() {
        return List.copyOf(byWorkload.keySet());
    }

    /** The workloads whose strategies did not all return the same response. */
    public List<String> differing() {
        return byWorkload.entrySet().stream()
                .filter(e -> e.getValue().values().stream().distinct().count() > 1)
                .map(Map.Entry::getKey)
                .toList();
    }
}
