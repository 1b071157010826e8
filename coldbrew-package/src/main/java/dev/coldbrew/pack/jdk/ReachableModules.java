package dev.coldbrew.pack.jdk;

import dev.coldbrew.pack.PackageException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JDK modules of the classes reachable from the function's entry points, from jdeps' class-level dependency
 * graph ({@code -verbose:class -filter:none}). Finer than the jar-level answer of {@link ModuleResolver}: a library
 * with one class that uses {@code java.awt.geom} no longer pulls {@code java.desktop} into every package. Classes
 * loaded only by name (reflection, {@code ServiceLoader} without a {@code META-INF/services} entry) are not seen,
 * which is why this analysis is opt-in.
 */
public final class ReachableModules {
    private ReachableModules() {}

    /**
     * Runs jdeps over the jars and walks the class graph from {@code roots}.
     *
     * @param roots binary class names: main class, handler class, service providers
     * @throws PackageException when jdeps fails
     */
    public static List<String> compute(Jdk jdk, List<Path> jars, Set<String> roots) throws PackageException {
        String classPath = String.join(
                File.pathSeparator, jars.stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>(List.of(
                jdk.tool("jdeps").toString(),
                "-verbose:class",
                "-filter:none",
                "--ignore-missing-deps",
                "--multi-release",
                Integer.toString(jdk.featureVersion()),
                "--class-path",
                classPath));
        jars.forEach(j -> command.add(j.toString()));
        return walk(ToolRunner.run(command, null, Map.of(), ModuleResolver.JDEPS_TIMEOUT), roots);
    }

    /**
     * Parses {@code   a.B -> c.D   location} lines and returns the JDK modules reached from the roots, sorted. A
     * location is the function's own when it is a jar or an analyzed module: jdeps names a modular jar (org.json's,
     * for one) by its module name, as it names a JDK module, and that module is walked into, not handed to jlink.
     */
    static List<String> walk(String jdepsOutput, Set<String> roots) {
        Set<String> analyzed = ModuleResolver.analyzedArchives(jdepsOutput);
        Map<String, Set<String>> classEdges = new HashMap<>();
        Map<String, Set<String>> moduleEdges = new HashMap<>();
        for (String line : jdepsOutput.split("\\R")) {
            String[] t = line.strip().split("\\s+");
            if (!line.startsWith(" ") || t.length != 4 || !t[1].equals("->")) {
                continue;
            }
            boolean inJar = t[3].endsWith(".jar") || analyzed.contains(t[3]);
            (inJar ? classEdges : moduleEdges)
                    .computeIfAbsent(t[0], k -> new HashSet<>())
                    .add(inJar ? t[2] : t[3]);
        }
        TreeSet<String> modules = new TreeSet<>(List.of("java.base"));
        Set<String> seen = new HashSet<>(roots);
        Deque<String> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            String type = queue.poll();
            modules.addAll(moduleEdges.getOrDefault(type, Set.of()));
            for (String next : classEdges.getOrDefault(type, Set.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return List.copyOf(modules);
    }
}
