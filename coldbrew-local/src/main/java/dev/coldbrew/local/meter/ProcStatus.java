package dev.coldbrew.local.meter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code kB} counters of a {@code /proc/<pid>/status} file ({@code VmHWM:   48140 kB}). */
final class ProcStatus {
    private ProcStatus() {}

    /** Counter name → kB; empty when the process is gone. */
    static Map<String, Long> read(Path status) {
        Map<String, Long> counters = new HashMap<>();
        try {
            for (String line : Files.readAllLines(status)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.endsWith(" kB")) {
                    String value = line.substring(colon + 1, line.length() - 3).trim();
                    try {
                        counters.put(line.substring(0, colon), Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        // not a counter
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return counters;
    }
}
