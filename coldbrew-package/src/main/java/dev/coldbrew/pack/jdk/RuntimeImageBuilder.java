package dev.coldbrew.pack.jdk;

import dev.coldbrew.pack.PackageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes the package's Java runtime with {@code jlink}: only the modules the function needs, no debug attributes,
 * header files or man pages.
 *
 * <p>The image's {@code lib/modules} is left uncompressed: the zip deflates it for transfer anyway, and an
 * uncompressed jimage is read by memory mapping, without inflating resources while classes load at start-up.
 */
public final class RuntimeImageBuilder {
    private RuntimeImageBuilder() {}

    static final Duration JLINK_TIMEOUT = Duration.ofMinutes(10);

    /** The flags besides the modules and the output; each trims the image without changing behaviour. */
    public static final List<String> FLAGS =
            List.of("--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-0");

    /**
     * Without an AOT cache of its own the image gets the JDK's default CDS archive ({@code --generate-cds-archive}):
     * a jlink'd image has none, and without it every JDK class is loaded and linked from scratch (measured slower
     * than the full JDK, which ships one).
     */
    public static final String DEFAULT_CDS_FLAG = "--generate-cds-archive";

    /**
     * Links a runtime image with {@code modules} into {@code output}, which must not exist yet.
     *
     * @param defaultCds add the JDK's default CDS archive (for packages without an AOT cache)
     * @throws PackageException when jlink fails, e.g. for an unknown module (its message names it)
     */
    public static void link(Jdk jdk, List<String> modules, Path output, boolean defaultCds) throws PackageException {
        List<String> command = new java.util.ArrayList<>();
        command.add(jdk.tool("jlink").toString());
        command.add("--add-modules");
        command.add(String.join(",", modules));
        command.addAll(FLAGS);
        if (defaultCds) {
            command.add(DEFAULT_CDS_FLAG);
        }
        command.add("--output");
        command.add(output.toString());
        ToolRunner.run(command, null, Map.of(), JLINK_TIMEOUT);
    }
}
