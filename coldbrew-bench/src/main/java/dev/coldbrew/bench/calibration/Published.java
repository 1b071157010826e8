package dev.coldbrew.bench.calibration;

import java.util.List;
import java.util.Optional;

/**
 * What real Lambda reported for hello-world functions: public daily cold-start measurements ({@code maxday/lambda-perf},
 * {@code data/2025/2025-12-21.json}, 10 cold starts per configuration from Lambda's own REPORT lines, x86_64),
 * as tabulated in coldbrew's reference notes ({@code lambda-measured-on-aws.md}).
 *
 * @param runtime the published configuration
 * @param memoryMb its memory size
 * @param initMedianMs median Init Duration
 * @param initMinMs fastest Init Duration
 * @param initMaxMs slowest Init Duration
 * @param firstInvokeMs average Duration of the first invoke
 * @param maxMemoryUsedMb average Max Memory Used
 */
public record Published(
        String runtime,
        int memoryMb,
        double initMedianMs,
        double initMinMs,
        double initMaxMs,
        double firstInvokeMs,
        double maxMemoryUsedMb) {

    public static final List<Published> ROWS = List.of(
            new Published("java25 (managed)", 128, 258, 222, 562, 217, 86.3),
            new Published("java25 (managed)", 256, 247, 216, 446, 89.4, 87.7),
            new Published("java25 (managed)", 1024, 256, 197, 333, 10.6, 87.8),
            new Published("graalvm java23 native (provided.al2023)", 128, 161, 154, 173, 147, 34),
            new Published("graalvm java23 native (provided.al2023)", 256, 161, 154, 190, 63.6, 34),
            new Published("graalvm java21 native (provided.al2023)", 512, 155, 146, 175, 34.3, 33.5),
            new Published("go (provided.al2023)", 128, 52, 43, 58, 1.6, 17),
            new Published("go (provided.al2023)", 1024, 52, 42, 76, 1.6, 17),
            new Published("rust (provided.al2)", 256, 15.5, 13, 17, 2.4, 15),
            new Published("rust (provided.al2)", 1024, 15.7, 14, 17, 2.2, 15),
            new Published("c++ (provided.al2)", 1024, 13.1, 12.6, 15.7, 2.6, 15),
            new Published("shell script bootstrap (provided.al2)", 128, 33, 28, 55, 281, 25.5));

    /** The published row of a configuration whose name starts with {@code prefix} at {@code memoryMb}. */
    static Optional<Published> find(List<String> prefixes, int memoryMb) {
        for (String prefix : prefixes) {
            for (Published row : ROWS) {
                if (row.runtime().startsWith(prefix) && row.memoryMb() == memoryMb) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /** The Max Memory Used Lambda reports for any of {@code prefixes} (it does not depend on the memory size). */
    static Optional<Double> maxMemoryUsedMb(List<String> prefixes) {
        for (String prefix : prefixes) {
            for (Published row : ROWS) {
                if (row.runtime().startsWith(prefix)) {
                    return Optional.of(row.maxMemoryUsedMb());
                }
            }
        }
        return Optional.empty();
    }

    /** The published rows a shape is compared with. */
    public static List<Published> rowsFor(Shape shape) {
        return ROWS.stream()
                .filter(row -> shape.published().stream().anyMatch(row.runtime()::startsWith))
                .toList();
    }
}
