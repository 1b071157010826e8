package dev.coldbrew.pack.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK for the packaging, which needs JDK 25 (jlink, jdeps and the AOT cache of the bundled runtime) while
 * Maven itself may run on 17. The plugin's classes are compiled for 17 and load nothing newer; the packaging runs in
 * a process of the JDK found here. The candidates, in order:
 *
 * <ol>
 *   <li>the {@code <jdk>} parameter ({@code -Dcoldbrew.jdk}): used if it is 25+, else the build fails naming it
 *       (an explicit choice is never silently replaced);
 *   <li>Maven toolchains: the {@code jdk} toolchain the toolchains plugin selected for the build, then any {@code jdk}
 *       toolchain of version {@code [25,)} in {@code toolchains.xml};
 *   <li>{@code JAVA_HOME};
 *   <li>the JDK running Maven;
 *   <li>the usual install places, {@link #INSTALL_PLACES}, the same list as {@code scripts/jdk25.sh} (a test keeps
 *       the two equal).
 * </ol>
 *
 * A candidate's version is the {@code JAVA_VERSION} of its {@code release} file, else what its {@code java} reports.
 */
public final class JdkFinder {
    /** The feature version the packaging needs. */
    public static final int REQUIRED = 25;

    /**
     * The usual JDK install places, as shell globs ({@code ~} = the user's home), searched in this order, each
     * glob's matches in name order. {@code scripts/jdk25.sh} loops over the same list.
     */
    public static final List<String> INSTALL_PLACES = List.of(
            "/usr/lib/jvm/*",
            "/usr/java/*",
            "/opt/java/*",
            "/opt/jdk*",
            "/usr/local/jdk*",
            "~/.sdkman/candidates/java/*",
            "~/.jdks/*",
            "/Library/Java/JavaVirtualMachines/*/Contents/Home");

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");
    private static final Pattern SPEC_VERSION = Pattern.compile("java\\.specification\\.version = (\\d+)");

    /** One place looked at: where it came from and the JDK home it names (null when it names none). */
    public record Candidate(String source, Path home) {}

    /** The JDK found and where it came from, e.g. {@code JAVA_HOME}. */
    public record Found(Path home, int version, String source) {
        public Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    private JdkFinder() {}

    /**
     * The first candidate that is a JDK of at least {@link #REQUIRED}, trying {@code configured} first.
     *
     * @param configured the {@code <jdk>} parameter, or null
     * @param candidates the other candidates in order (toolchains, JAVA_HOME, Maven's JDK, install places)
     * @throws IllegalStateException naming every place looked at and what was there
     */
    public static Found find(Path configured, List<Candidate> candidates) {
        if (configured != null) {
            OptionalInt version = version(configured);
            if (version.isPresent() && version.getAsInt() >= REQUIRED) {
                return new Found(configured, version.getAsInt(), "<jdk> " + configured);
            }
            throw new IllegalStateException("<jdk> (coldbrew.jdk) is " + configured + ", which is " + describe(version)
                    + ": the packaging needs a JDK " + REQUIRED + " or newer");
        }
        return first(candidates, v -> v >= REQUIRED)
                .orElseThrow(() -> new IllegalStateException("no JDK " + REQUIRED
                        + " or newer found for the packaging (Maven's own JDK may be older; the plugin runs jlink, "
                        + "jdeps and the AOT training with a JDK " + REQUIRED + "). Looked at, in order: "
                        + lookedAt(candidates)
                        + ". Install a JDK " + REQUIRED + " (e.g. Temurin 25) and set <jdk> (or -Dcoldbrew.jdk=DIR),"
                        + " a jdk toolchain of version " + REQUIRED + " in ~/.m2/toolchains.xml, or JAVA_HOME"));
    }

    /** The first candidate whose feature version passes {@code wanted}. */
    public static java.util.Optional<Found> first(List<Candidate> candidates, IntPredicate wanted) {
        for (Candidate candidate : candidates) {
            if (candidate.home() == null) {
                continue;
            }
            OptionalInt version = version(candidate.home());
            if (version.isPresent() && wanted.test(version.getAsInt())) {
                return java.util.Optional.of(new Found(candidate.home(), version.getAsInt(), candidate.source()));
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code JAVA_HOME}, Maven's JDK, then {@link #INSTALL_PLACES} expanded under {@code userHome}. */
    public static List<Candidate> usualCandidates(String javaHome, Path mavensJdk, Path userHome) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(
                "JAVA_HOME (" + (javaHome == null || javaHome.isBlank() ? "unset" : javaHome) + ")",
                javaHome == null || javaHome.isBlank() ? null : Path.of(javaHome)));
        candidates.add(new Candidate("the JDK running Maven (" + mavensJdk + ")", mavensJdk));
        for (String place : INSTALL_PLACES) {
            List<Path> found = expand(place, userHome);
            if (found.isEmpty()) {
                candidates.add(new Candidate(place + " (nothing there)", null));
            }
            for (Path home : found) {
                candidates.add(new Candidate(place + " (" + home + ")", home));
            }
        }
        return candidates;
    }

    /** The folders a glob of {@link #INSTALL_PLACES} matches, in name order; {@code ~} is {@code userHome}. */
    static List<Path> expand(String glob, Path userHome) {
        String pattern = glob.startsWith("~/") ? userHome + glob.substring(1) : glob;
        String[] parts = pattern.split("/");
        List<Path> matches = new ArrayList<>();
        matches.add(Path.of("/"));
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            for (Path dir : matches) {
                if (!part.contains("*")) {
                    Path child = dir.resolve(part);
                    if (Files.isDirectory(child)) {
                        next.add(child);
                    }
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> children = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, part)) {
                    for (Path child : stream) {
                        if (Files.isDirectory(child)) {
                            children.add(child);
                        }
                    }
                } catch (IOException e) {
                    // an unreadable folder holds no JDK we can use
                }
                children.sort(null);
                next.addAll(children);
            }
            matches = next;
        }
        return matches;
    }

    /**
     * The feature version of the JDK at {@code home}: {@code JAVA_VERSION} in its {@code release} file, else what
     * its {@code java} reports; empty when {@code home} has no {@code bin/java}.
     */
    public static OptionalInt version(Path home) {
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            return OptionalInt.empty();
        }
        Path release = home.resolve("release");
        if (Files.isRegularFile(release)) {
            try {
                Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (m.find()) {
                    return OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            } catch (IOException | NumberFormatException e) {
                // fall back to asking the JVM
            }
        }
        return reportedVersion(java);
    }

    private static OptionalInt reportedVersion(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return OptionalInt.empty();
            }
            Matcher m = SPEC_VERSION.matcher(output);
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private static String lookedAt(List<Candidate> candidates) {
        List<String> lines = new ArrayList<>();
        for (Candidate c : candidates) {
            lines.add(c.home() == null ? c.source() : c.source() + ": " + describe(version(c.home())));
        }
        return String.join("; ", lines);
    }

    private static String describe(java.util.OptionalInt version) {
        return version.isPresent()
                ? String.format(Locale.ROOT, "JDK %d", version.getAsInt())
                : "not a JDK (no executable bin/java)";
    }
}
