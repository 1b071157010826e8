package dev.coldbrew.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a package holds, as printed after packaging.
 *
 * @param zip the deployment zip
 * @param template the SAM template beside it
 * @param target the Lambda runtime
 * @param architecture {@code x86_64} or {@code arm64} (the build machine's)
 * @param kind how the function starts: {@code jvm+aot}, {@code jvm}, {@code native}, {@code exec-wrapper} or
 *     {@code aws-handler}
 * @param zipBytes the zip's size
 * @param unzippedBytes the unpacked files' total size
 * @param modules the bundled runtime's modules (empty when no runtime is bundled)
 * @param moduleSources for computed modules other than java.base, the jars that need them
 * @param aotCacheBytes the AOT cache's size, 0 without one
 * @param trainingInvocations invocations of the training run
 * @param nativeImage for a native package, the executable's size and what ships beside it; "" otherwise
 * @param verification how the finished zip ran in the local Lambda, or "skipped"
 */
public record PackageSummary(
        Path zip,
        Path template,
        Target target,
        String architecture,
        String kind,
        long zipBytes,
        long unzippedBytes,
        List<String> modules,
        List<String> moduleSources,
        long aotCacheBytes,
        int trainingInvocations,
        String nativeImage,
        String verification) {

    public PackageSummary {
        modules = List.copyOf(modules);
        moduleSources = List.copyOf(moduleSources);
    }

    /** The summary lines. */
    public String render() {
        StringBuilder s = new StringBuilder()
                .append(line("package", zip.toString()))
                .append(line("template", template.toString()))
                .append(line("target", target.id() + " (" + kind + "), " + architecture))
                .append(line("zip size", SizeLimits.megabytes(zipBytes) + " (" + zipBytes + " bytes; limit 50 MB)"))
                .append(line(
                        "unzipped size",
                        SizeLimits.megabytes(unzippedBytes) + " (" + unzippedBytes + " bytes; limit 250 MB)"));
        if (!modules.isEmpty()) {
            s.append(line("modules", String.join(",", modules)));
        }
        for (String source : moduleSources) {
            s.append(line("  needed by", source + " (replace the list with --modules if the function never uses it)"));
        }
        if (aotCacheBytes > 0) {
            s.append(line(
                    "AOT cache",
                    SizeLimits.megabytes(aotCacheBytes) + " (" + trainingInvocations + " training invocations)"));
        }
        if (!nativeImage.isEmpty()) {
            s.append(line("native", nativeImage));
        }
        s.append(line("verified", verification));
        if (architecture.equals("x86_64")) {
            s.append(line("note", "x86_64 only: an arm64 package must be built on an arm64 machine"));
        }
        return s.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "%-14s %s%n", label + ":", value);
    }
}
