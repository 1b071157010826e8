package dev.coldbrew.local.meter;

import java.util.ArrayList;
import java.util.List;

/**
 * One file-backed mapping of a process, from a line of {@code /proc/<pid>/maps}:
 * {@code start-end perms offset dev inode path}.
 *
 * @param startAddress the first virtual address
 * @param pages the mapping's length in pages
 * @param offsetPages the file offset of its first page, in pages
 * @param path the mapped file
 */
record FileMapping(long startAddress, long pages, long offsetPages, String path) {

    private static final String DELETED = " (deleted)";

    /**
     * The file-backed mappings of a {@code maps} file: those with an inode and an absolute path (not
     * {@code [heap]}, anonymous memory or devices); a deleted file keeps its old path.
     */
    static List<FileMapping> parseMaps(String maps) {
        List<FileMapping> mappings = new ArrayList<>();
        for (String line : maps.split("\n")) {
            FileMapping mapping = parseLine(line);
            if (mapping != null) {
                mappings.add(mapping);
            }
        }
        return mappings;
    }

    private static FileMapping parseLine(String line) {
        String[] fields = line.trim().split("\\s+", 6);
        if (fields.length < 6 || fields[4].equals("0") || !fields[5].startsWith("/")) {
            return null;
        }
        int dash = fields[0].indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            long start = Long.parseUnsignedLong(fields[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(fields[0].substring(dash + 1), 16);
            long offset = Long.parseUnsignedLong(fields[2], 16);
            String path = fields[5].endsWith(DELETED)
                    ? fields[5].substring(0, fields[5].length() - DELETED.length())
                    : fields[5];
            return new FileMapping(
                    start, (end - start) / MemoryMeter.PAGE_BYTES, offset / MemoryMeter.PAGE_BYTES, path);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
