package dev.coldbrew.gorpc.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Go toolchain the interop tests use as their peer, found the way {@code bridges/jni-go/src/main/go/build.sh}
 * finds it: {@code -Dcoldbrew.go} or {@code COLDBREW_GO} if set (then it must be an executable), else {@code go} on
 * {@code PATH}, else the usual install places ({@link #USUAL_PLACES}, the newest version first). Tests that need Go
 * are annotated {@code @EnabledIf(value = GoToolchain.FOUND, disabledReason = GoToolchain.NOT_FOUND)}: without Go
 * they are reported as skipped with that reason, and {@code ./mvnw verify} still passes.
 */
public final class GoToolchain {
    /** The condition for JUnit's {@code @EnabledIf}. */
    public static final String FOUND = "dev.coldbrew.gorpc.testing.GoToolchain#found";

    public static final String NOT_FOUND = "needs Go (Go's own net/rpc and gob are the peer), and none was found in"
            + " -Dcoldbrew.go, COLDBREW_GO, PATH, /usr/local/go/bin, /usr/lib/go/bin, /usr/lib/go-*/bin,"
            + " ~/sdk/go*/bin or /snap/bin; install Go 1.19 or later (Debian: apt-get install golang-go) to run it";

    /** Where Go installs itself besides {@code PATH}; a {@code *} matches a version, the newest is taken. */
    static final List<String> USUAL_PLACES =
            List.of("/usr/local/go/bin", "/usr/lib/go/bin", "/usr/lib/go-*/bin", "~/sdk/go*/bin", "/snap/bin");

    private GoToolchain() {}

    public static boolean found() {
        return find(System.getProperty("coldbrew.go"), System.getenv(), USUAL_PLACES)
                .isPresent();
    }

    /** The {@code go} binary; throws with {@link #NOT_FOUND} when there is none (guard callers with {@link #FOUND}). */
    public static Path go() {
        return find(System.getProperty("coldbrew.go"), System.getenv(), USUAL_PLACES)
                .orElseThrow(() -> new IllegalStateException("this test " + NOT_FOUND));
    }

    /**
     * Runs {@code go build <args>} in {@code src}, offline (no module downloads, no cgo), with its caches under
     * {@code work}; fails the test with Go's output when the build fails or does not end within {@code timeout}.
     */
    public static void build(Path src, Path work, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(go().toString(), "build"));
        command.addAll(List.of(args));
        ProcessBuilder build = new ProcessBuilder(command).directory(src.toFile());
        build.environment()
                .putAll(Map.of(
                        "GOCACHE", work.resolve("gocache").toString(),
                        "GOPATH", work.resolve("gopath").toString(),
                        "GOPROXY", "off",
                        "GO111MODULE", "on",
                        "GOFLAGS", "",
                        "CGO_ENABLED", "0"));
        BoundedProcess.Result result = BoundedProcess.run(build, timeout);
        if (!result.succeeded()) {
            throw new AssertionError("go build " + String.join(" ", args) + " in " + src + " failed ("
                    + (result.exited() ? "exit code " + result.exitCode() : "no exit within " + timeout) + "):\n"
                    + result.output());
        }
    }

    static Optional<Path> find(String property, Map<String, String> env, List<String> places) {
        String configured = property != null && !property.isBlank() ? property : env.get("COLDBREW_GO");
        if (configured != null && !configured.isBlank()) {
            Path go = Path.of(configured);
            if (!Files.isRegularFile(go) || !Files.isExecutable(go)) {
                String source = property != null && !property.isBlank() ? "-Dcoldbrew.go" : "COLDBREW_GO";
                throw new IllegalStateException(
                        source + " is '" + configured + "', but that is not an executable file (a Go binary)");
            }
            return Optional.of(go);
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        for (String place : places) {
            dirs.addAll(expand(place, env.get("HOME")));
        }
        return dirs.stream()
                .map(dir -> dir.resolve("go"))
                .filter(go -> Files.isRegularFile(go) && Files.isExecutable(go))
                .findFirst();
    }

    /** {@code place} with {@code ~} as {@code home} and its one {@code *} matched, newest version first. */
    private static List<Path> expand(String place, String home) {
        if (place.startsWith("~/")) {
            if (home == null || home.isBlank()) {
                return List.of();
            }
            place = home + place.substring(1);
        }
        int star = place.indexOf('*');
        if (star < 0) {
            return List.of(Path.of(place));
        }
        Path parent = Path.of(place.substring(0, place.lastIndexOf('/', star)));
        String pattern = place.substring(parent.toString().length() + 1, place.indexOf('/', star));
        String rest = place.substring(place.indexOf('/', star) + 1);
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(parent)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, pattern)) {
                entries.forEach(entry -> matches.add(entry.resolve(rest)));
            } catch (IOException e) {
                return List.of();
            }
        }
        matches.sort(Comparator.comparing(
                        (Path p) -> versionOf(p.getParent().getFileName().toString()))
                .reversed());
        return matches;
    }

    /** The version in a folder name such as {@code go-1.21} or {@code go1.22.3}, comparable part by part. */
    static Version versionOf(String name) {
        List<Integer> parts = new ArrayList<>();
        for (String part : name.replaceAll("[^0-9.]", "").split("\\.")) {
            if (!part.isEmpty() && part.length() <= 9) {
                parts.add(Integer.parseInt(part));
            }
        }
        return new Version(parts);
    }

    record Version(List<Integer> parts) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
                int a = i < parts.size() ? parts.get(i) : 0;
                int b = i < other.parts.size() ? other.parts.get(i) : 0;
                if (a != b) {
                    return Integer.compare(a, b);
                }
            }
            return 0;
        }
    }
}
