package dev.coldbrew.local.cgroup;

import java.io.IOException;

/** Reads one counter of a cgroup {@code memory.stat} file ({@code <name> <bytes>} lines, v1 and v2 alike). */
final class MemoryStat {
    private MemoryStat() {}

    /**
     * The value of {@code name} in {@code stat}.
     *
     * @throws IOException naming the counter when the file does not have it
     */
    static long value(String stat, String name) throws IOException {
        for (String line : stat.split("\n")) {
            int space = line.indexOf(' ');
            if (space == name.length() && line.startsWith(name)) {
                try {
                    return Long.parseLong(line.substring(space + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("memory.stat: counter " + name + " is not a number: '" + line + "'", e);
                }
            }
        }
        throw new IOException("memory.stat has no counter " + name);
    }
}
