package dev.coldbrew.pack.jdk;

import dev.coldbrew.pack.PackageException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Computes the JDK modules a function needs with {@code jdeps --print-module-deps}. */
public final class ModuleResolver {
    private ModuleResolver() {}

    static final Duration JDEPS_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    /**
     * The modules the jars need, sorted, always including {@code java.base}. Missing dependencies (optional
     * libraries a jar refers to but the function does not ship) are ignored, as the JVM ignores them until used.
     *
     * @throws PackageException when jdeps fails or prints something that is not a module list
     */
    public static List<String> requiredModules(Jdk jdk, List<Path> jars) throws PackageException {
        String classPath = String.join(
                File.pathSeparator, jars.stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>(List.of(
                jdk.tool("jdeps").toString(),
                "--print-module-deps",
                "--ignore-missing-deps",
                "--multi-release",
                Integer.toString(jdk.featureVersion()),
                "--class-path",
                classPath));
        jars.forEach(j -> command.add(j.toString()));
        String output = ToolRunner.run(command, null, Map.of(), JDEPS_TIMEOUT);
        return parse(output);
    }

    /**
     * Which jars need which JDK module besides {@code java.base}, from {@code jdeps -summary}: tells users which
     * library pulls a large module (e.g. java.desktop) into the runtime, so they can decide to leave it out.
     *
     * @return e.g. {@code java.desktop <- commons-math3-3.6.1.jar}, one entry per module, sorted; empty if none
     */
    public static List<String> moduleSources(Jdk jdk, List<Path> jars) throws PackageException {
        String classPath = String.join(
                File.pathSeparator, jars.stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>(List.of(
                jdk.tool("jdeps").toString(),
                "-summary",
                "--ignore-missing-deps",
                "--multi-release",
                Integer.toString(jdk.featureVersion()),
                "--class-path",
                classPath));
        jars.forEach(j -> command.add(j.toString()));
        return parseSummary(ToolRunner.run(command, null, Map.of(), JDEPS_TIMEOUT));
    }

    /**
     * Parses {@code a.jar -> java.desktop} lines; dependencies on other jars, on the function's own modular jars
     * and on java.base are skipped.
     */
    static List<String> parseSummary(String output) {
        Set<String> analyzed = analyzedArchives(output);
        Map<String, TreeSet<String>> byModule = new java.util.TreeMap<>();
        for (String line : output.split("\\R")) {
            int arrow = line.indexOf(" -> ");
            if (arrow <= 0 || line.startsWith(" ")) {
                continue;
            }
            String module = line.substring(arrow + 4).strip();
            if (!module.equals("java.base")
                    && MODULE_NAME.matcher(module).matches()
                    && !module.endsWith(".jar")
                    && !analyzed.contains(module)) {
                byModule.computeIfAbsent(module, m -> new TreeSet<>())
                        .add(line.substring(0, arrow).strip());
            }
        }
        return byModule.entrySet().stream()
                .map(e -> e.getKey() + " <- " + String.join(", ", e.getValue()))
                .toList();
    }

    /**
     * The archives jdeps analyzed, from its {@code archive -> dependency} lines: jars by file name, and modular jars
     * by their module name ({@code org.json -> java.base}), which is how they are told apart from JDK modules, never
     * analyzed themselves.
     */
    static Set<String> analyzedArchives(String jdepsOutput) {
        Set<String> archives = new HashSet<>();
        for (String line : jdepsOutput.split("\\R")) {
            int arrow = line.indexOf(" -> ");
            if (arrow > 0 && !line.startsWith(" ")) {
                archives.add(line.substring(0, arrow).strip());
            }
        }
        return archives;
    }

    /** Parses jdeps' last line, e.g. {@code java.base,java.net.http}. */
    static List<String> parse(String output) throws PackageException {
        String[] lines = output.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        TreeSet<String> modules = new TreeSet<>();
        modules.add("java.base");
        for (String name : last.isEmpty() ? new String[0] : last.split(",")) {
            modules.add(requireModuleName(name.strip(), "jdeps output '" + last + "'"));
        }
        return List.copyOf(modules);
    }

    /** Parses a user's comma-separated module list. */
    public static List<String> parseList(String value, String what) throws PackageException {
        TreeSet<String> modules = new TreeSet<>();
        for (String name : Arrays.stream(value.split(",")).map(String::strip).toList()) {
            if (!name.isEmpty()) {
                modules.add(requireModuleName(name, what));
            }
        }
        return List.copyOf(modules);
    }

    private static String requireModuleName(String name, String where) throws PackageException {
        if (!MODULE_NAME.matcher(name).matches()) {
            throw new PackageException("invalid module name '" + name + "' in " + where);
        }
        return name;
    }
}
