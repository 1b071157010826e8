package dev.coldbrew.local.meter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Max Memory Used as Lambda's meter reads it, for one execution environment.
 *
 * <p>Public REPORT lines (lambda-measured-on-aws.md) read 86–88 MB for a java25 hello world, 17 MB for Go and
 * 15 MB for C++ or Rust, whatever the memory size, while the processes' own anonymous memory is a fraction of
 * that. Two things explain the difference, and this meter models both:
 *
 * <ol>
 *   <li><b>File pages.</b> A Lambda environment is a fresh microVM: every page of a file the function maps or
 *       reads (the JDK's {@code libjvm.so}, its CDS archive and modules image, shared libraries, a native
 *       executable, jars) is read from storage into the environment's page cache and charged to it. On a
 *       development machine those pages are usually cached already and charged to whoever read them first, so a
 *       cgroup's peak misses them. The meter counts them itself: for every file-backed page present in an
 *       environment process's page tables ({@code /proc/<pid>/pagemap}, bit 63: a private copy of a file page
 *       counts too, since the file page was read before it was copied), the readahead window a
 *       cold fault would have read around it ({@link #READAHEAD_PAGES}, Linux's default {@code read_ahead_kb} of
 *       128 KB), within the file; and every regular file a process holds open for reading without mapping it
 *       (the JVM's class-path jars), whole. Pages once read stay in the page cache, so the union only grows over
 *       the environment's life, as a page cache does.
 *   <li><b>The platform's own share.</b> Lambda's meter reads 15 MB for a C++ or Rust hello world whose process
 *       holds about 2–6 MB, and 17 MB for a Go hello world that this meter counts at about 5.5 MB: Lambda's own
 *       processes inside the environment (its Runtime API server among them, which coldbrew runs outside) are
 *       counted too. {@link #PLATFORM_MB} is that share, the one constant of the model, fitted on those two rows
 *       and checked against the others by the bench's calibration table.
 * </ol>
 *
 * <p>Anonymous memory and kernel memory come from the cgroup's peak minus the page cache charged to it (files
 * the environment wrote or read first, which the file-page count above already covers); without cgroups from
 * the processes' peak resident sets minus their file pages ({@code VmHWM − RssFile − RssShmem}, the peak reset
 * before each invoke through {@code clear_refs}). The sum is never below the anonymous memory, and never above the
 * memory size, as on Lambda (an out-of-memory reads the memory size).
 */
public final class MemoryMeter {

    /** Lambda's own processes inside an environment, as its meter counts them (see the class comment). */
    public static final long PLATFORM_MB = 12;

    /** Pages a cold page fault reads around the faulting page: Linux's default readahead, 128 KB. */
    static final int READAHEAD_PAGES = 32;

    static final int PAGE_BYTES = 4096;
    private static final long PRESENT = 1L << 63;
    private static final long MIB = 1024 * 1024;

    private final Path proc;
    private final Map<String, BitSet> mappedPages = new HashMap<>();
    private final Map<String, Long> readFiles = new HashMap<>();
    private long sharedPagesAtLastSample = -1;

    /** A meter reading processes under {@code proc} ({@code /proc}, or a copy of its files in tests). */
    public MemoryMeter(Path proc) {
        this.proc = proc;
    }

    /**
     * Max Memory Used in MB: {@code anonymousBytes} plus the file pages of {@code pids} (sampled now) plus the
     * platform's share, rounded up, at most {@code memoryMb}.
     */
    public synchronized long maxMemoryUsedMb(long anonymousBytes, List<Long> pids, int memoryMb) {
        sample(pids);
        long bytes = Math.max(0, anonymousBytes) + filePageBytes();
        return Math.min(memoryMb, (bytes + MIB - 1) / MIB + PLATFORM_MB);
    }

    /**
     * Adds the file pages {@code pids} map or read now to the environment's page cache; skipped when their
     * file-backed resident pages ({@code statm} "shared") are the same as at the last sample, so a warm invoke
     * costs one small read per process.
     */
    public synchronized void sample(List<Long> pids) {
        long shared = 0;
        for (long pid : pids) {
            shared += sharedPages(pid);
        }
        if (shared == sharedPagesAtLastSample) {
            return;
        }
        sharedPagesAtLastSample = shared;
        for (long pid : pids) {
            sampleMappings(pid);
            sampleOpenFiles(pid);
        }
    }

    /** The bytes of the environment's page cache so far: windows around mapped pages, plus files read whole. */
    public synchronized long filePageBytes() {
        long pages = 0;
        for (BitSet set : mappedPages.values()) {
            pages += set.cardinality();
        }
        long bytes = pages * PAGE_BYTES;
        for (Map.Entry<String, Long> file : readFiles.entrySet()) {
            if (!mappedPages.containsKey(file.getKey())) {
                bytes += file.getValue();
            }
        }
        return bytes;
    }

    /** Peak anonymous memory of {@code pids} without cgroups: {@code VmHWM − RssFile − RssShmem}, summed. */
    public long processAnonymousPeakBytes(List<Long> pids) {
        long kb = 0;
        for (long pid : pids) {
            Map<String, Long> status =
                    ProcStatus.read(proc.resolve(Long.toString(pid)).resolve("status"));
            kb += Math.max(
                    0,
                    status.getOrDefault("VmHWM", 0L)
                            - status.getOrDefault("RssFile", 0L)
                            - status.getOrDefault("RssShmem", 0L));
        }
        return kb * 1024;
    }

    /** Resets the peak resident set ({@code VmHWM}) of {@code pids} to their current one, before an invoke. */
    public void resetProcessPeaks(List<Long> pids) {
        for (long pid : pids) {
            try {
                Files.writeString(proc.resolve(Long.toString(pid)).resolve("clear_refs"), "5");
            } catch (IOException e) {
                // the process is gone, or the kernel is older than 4.0: the peak stays the peak since its start
            }
        }
    }

    private long sharedPages(long pid) {
        try {
            String[] statm = Files.readString(proc.resolve(Long.toString(pid)).resolve("statm"))
                    .trim()
                    .split(" ");
            return Long.parseLong(statm[2]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void sampleMappings(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        List<FileMapping> mappings;
        try {
            mappings = FileMapping.parseMaps(Files.readString(dir.resolve("maps")));
        } catch (IOException e) {
            return; // the process is gone
        }
        try (FileChannel pagemap = FileChannel.open(dir.resolve("pagemap"), StandardOpenOption.READ)) {
            for (FileMapping mapping : mappings) {
                addPresentPages(pagemap, mapping);
            }
        } catch (IOException e) {
            // the process is gone, or pagemap is not readable here: its mapped files are not counted
        }
    }

    private void addPresentPages(FileChannel pagemap, FileMapping mapping) throws IOException {
        ByteBuffer entries =
                ByteBuffer.allocate(Math.toIntExact(mapping.pages() * 8)).order(ByteOrder.LITTLE_ENDIAN);
        long position = mapping.startAddress() / PAGE_BYTES * 8;
        while (entries.hasRemaining() && pagemap.read(entries, position + entries.position()) > 0) {
            // read the whole range
        }
        entries.flip();
        long filePages = filePages(mapping.path());
        BitSet pages = null;
        for (int i = 0; entries.remaining() >= 8; i++) {
            long entry = entries.getLong();
            if ((entry & PRESENT) != 0) {
                pages = pages != null ? pages : mappedPages.computeIfAbsent(mapping.path(), p -> new BitSet());
                long page = mapping.offsetPages() + i;
                long from = Math.max(0, page - READAHEAD_PAGES / 2);
                long to = Math.min(Math.max(filePages, page + 1), from + READAHEAD_PAGES);
                pages.set(Math.toIntExact(from), Math.toIntExact(to));
            }
        }
    }

    /** The pages of a file, or {@link Long#MAX_VALUE} when it cannot be read (deleted since). */
    private static long filePages(String path) {
        try {
            return (Files.size(Path.of(path)) + PAGE_BYTES - 1) / PAGE_BYTES;
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private void sampleOpenFiles(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try (var fds = Files.list(dir.resolve("fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                OpenFile.readOnly(fd, dir.resolve("fdinfo").resolve(fd.getFileName()))
                        .ifPresent(file -> readFiles.put(file.path(), file.bytes()));
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
    }
}
