package dev.coldbrew.local.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meter's model on a directory laid out like {@code /proc} (maps, pagemap, statm, status, fd, fdinfo) over
 * real files, so that every figure is known exactly; MemoryMeterIT reads the real {@code /proc}.
 */
class MemoryMeterTest {

    static final long PAGE = MemoryMeter.PAGE_BYTES;
    static final long BASE = 0x10_0000L;

    @TempDir
    Path proc;

    @TempDir
    Path files;

    Path library;

    @BeforeEach
    void files() throws IOException {
        library = Files.write(files.resolve("lib with space.so"), new byte[(int) (64 * PAGE)]);
    }

    @Test
    void aPresentPageCountsTheReadaheadWindowAroundItOncePerFileWithinTheFile() throws IOException {
        process(100, 10, mapping(BASE, 64, 0, library), present(BASE, 64, 0, 40));
        process(101, 10, mapping(BASE, 64, 0, library), present(BASE, 64, 50));
        MemoryMeter meter = new MemoryMeter(proc);

        meter.sample(List.of(100L));
        assertThat(meter.filePageBytes()).isEqualTo(56 * PAGE); // [0, 32) ∪ [24, 56)

        meter.sample(List.of(100L, 101L));
        assertThat(meter.filePageBytes()).isEqualTo(64 * PAGE); // ∪ [34, 66) cut at the file's 64 pages
    }

    @Test
    void theMappingsFileOffsetPlacesItsPagesInTheFile() throws IOException {
        process(100, 10, mapping(BASE, 8, 40, library), present(BASE, 8, 0));
        MemoryMeter meter = new MemoryMeter(proc);

        meter.sample(List.of(100L));

        assertThat(meter.filePageBytes()).isEqualTo(32 * PAGE); // page 40 of the file: [24, 56)
    }

    @Test
    void filesHeldOpenForReadingCountWholeAndOnlyOnce() throws IOException {
        Path jar = Files.write(files.resolve("function.jar"), new byte[10_000]);
        Path log = Files.write(files.resolve("out.log"), new byte[50_000]);
        process(100, 10, mapping(BASE, 64, 0, library), present(BASE, 64, 0));
        openFile(100, 3, jar, "0100000");
        openFile(100, 4, log, "0100001");
        openFile(100, 5, library, "02100000");
        MemoryMeter meter = new MemoryMeter(proc);

        meter.sample(List.of(100L));

        assertThat(meter.filePageBytes()).isEqualTo(32 * PAGE + 10_000);
    }

    @Test
    void aWarmSampleIsSkippedUntilTheFileBackedResidentPagesChange() throws IOException {
        process(100, 10, mapping(BASE, 64, 0, library), present(BASE, 64, 0));
        MemoryMeter meter = new MemoryMeter(proc);
        meter.sample(List.of(100L));

        process(100, 10, mapping(BASE, 64, 0, library), present(BASE, 64, 0, 63));
        meter.sample(List.of(100L));
        assertThat(meter.filePageBytes()).isEqualTo(32 * PAGE);

        process(100, 11, mapping(BASE, 64, 0, library), present(BASE, 64, 0, 63));
        meter.sample(List.of(100L));
        assertThat(meter.filePageBytes()).isEqualTo(49 * PAGE); // [0, 32) ∪ [47, 64)
    }

    @Test
    void maxMemoryUsedAddsThePlatformsShareRoundsUpAndStopsAtTheMemorySize() throws IOException {
        process(100, 10, mapping(BASE, 64, 0, library), present(BASE, 64, 0)); // 128 KB of file pages
        MemoryMeter meter = new MemoryMeter(proc);

        long mb = meter.maxMemoryUsedMb(20L * 1024 * 1024, List.of(100L), 1024);

        assertThat(mb).isEqualTo(21 + MemoryMeter.PLATFORM_MB);
        assertThat(meter.maxMemoryUsedMb(-5, List.of(100L), 1024)).isEqualTo(1 + MemoryMeter.PLATFORM_MB);
        assertThat(meter.maxMemoryUsedMb(600L * 1024 * 1024, List.of(100L), 512))
                .isEqualTo(512);
    }

    @Test
    void withoutCgroupsTheAnonymousPeakIsThePeakResidentSetLessFilePages() throws IOException {
        process(100, 10, "", new long[0]);
        Files.writeString(
                proc.resolve("100/status"),
                "Name:\tjava\nVmHWM:\t   48140 kB\nVmRSS:\t   40000 kB\nRssAnon:\t   25000 kB\n"
                        + "RssFile:\t   22476 kB\nRssShmem:\t     100 kB\nThreads:\t19\n");
        MemoryMeter meter = new MemoryMeter(proc);

        assertThat(meter.processAnonymousPeakBytes(List.of(100L, 999L))).isEqualTo((48140L - 22476 - 100) * 1024);
    }

    @Test
    void resettingPeaksWritesFiveToClearRefs() throws IOException {
        process(100, 10, "", new long[0]);

        new MemoryMeter(proc).resetProcessPeaks(List.of(100L, 999L));

        assertThat(proc.resolve("100/clear_refs")).hasContent("5");
    }

    @Test
    void mapsLinesWithoutAFileAreSkippedAndDeletedFilesKeepTheirPath() {
        String maps = """
                00400000-00452000 r-xp 00000000 08:02 173521      /usr/bin/dbus-daemon
                00e03000-00e24000 rw-p 00000000 00:00 0           [heap]
                7f2c0000-7f2c1000 rw-p 00000000 00:00 0
                7f2c1000-7f2c3000 r--p 00002000 08:02 99 /tmp/a lib.so (deleted)
                7ffd000-7ffe000 r-xp 00000000 00:00 0             [vdso]
                """;

        assertThat(FileMapping.parseMaps(maps))
                .containsExactly(
                        new FileMapping(0x400000, 0x52, 0, "/usr/bin/dbus-daemon"),
                        new FileMapping(0x7f2c1000L, 2, 2, "/tmp/a lib.so"));
    }

    private static String mapping(long start, long pages, long offsetPages, Path file) {
        return String.format("%x-%x r--p %08x 08:02 1234 %s%n", start, start + pages * PAGE, offsetPages * PAGE, file);
    }

    /** Pagemap entries for {@code pages} pages from {@code start}, the given indexes present. */
    private static long[] present(long start, long pages, long... indexes) {
        long[] entries = new long[(int) (start / PAGE + pages)];
        for (long i : indexes) {
            entries[(int) (start / PAGE + i)] = (1L << 63) | (1L << 61) | 4242;
        }
        return entries;
    }

    private void process(long pid, long sharedPages, String maps, long[] pagemap) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.createDirectories(dir.resolve("fd"));
        Files.createDirectories(dir.resolve("fdinfo"));
        Files.writeString(dir.resolve("maps"), maps);
        Files.writeString(dir.resolve("statm"), "1000 500 " + sharedPages + " 10 0 300 0\n");
        ByteBuffer bytes = ByteBuffer.allocate(pagemap.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long entry : pagemap) {
            bytes.putLong(entry);
        }
        Files.write(dir.resolve("pagemap"), bytes.array());
    }

    private void openFile(long pid, int fd, Path file, String octalFlags) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        Files.createSymbolicLink(dir.resolve("fd").resolve(Integer.toString(fd)), file);
        Files.writeString(
                dir.resolve("fdinfo").resolve(Integer.toString(fd)),
                "pos:\t0\nflags:\t" + octalFlags + "\nmnt_id:\t29\nino:\t1234\n");
    }
}
