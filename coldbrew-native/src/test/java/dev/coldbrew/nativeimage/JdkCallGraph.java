package dev.coldbrew.nativeimage;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JVM_* and jio_* functions an executable can reach through the JDK's libjava, libnio, libnet and libzip: a
 * call graph from objdump's disassembly of the four libraries (direct calls and jumps, local or through the PLT,
 * followed across the libraries by name), walked from the functions the executable imports ({@code nm -D}) and the
 * libraries' JNI_OnLoad. Calls through function pointers are not seen; the JDK's C code reaches HotSpot only through
 * direct calls.
 */
final class JdkCallGraph {
    private static final Pattern FUNCTION = Pattern.compile("^[0-9a-f]+ <([^>]+)>:$");
    private static final Pattern CALL =
            Pattern.compile("\\s(?:call|jmp)\\s+[0-9a-f]+ <([^>+@]+)(?:@plt)?(?:\\+0x[0-9a-f]+)?>");

    private final Map<String, Set<String>> calls = new HashMap<>();

    private JdkCallGraph() {}

    static JdkCallGraph of(Path jdkLib) throws Exception {
        JdkCallGraph graph = new JdkCallGraph();
        for (String library : MavenBuilder.JDK_LIBRARIES) {
            String current = null;
            for (String line : run(
                    "objdump",
                    "-d",
                    "--no-show-raw-insn",
                    jdkLib.resolve(library).toString())) {
                Matcher function = FUNCTION.matcher(line);
                if (function.matches()) {
                    current = function.group(1);
                    graph.calls.computeIfAbsent(current, k -> new HashSet<>());
                    continue;
                }
                Matcher call = CALL.matcher(line);
                if (current != null && call.find() && !call.group(1).equals(current)) {
                    graph.calls.get(current).add(call.group(1));
                }
            }
        }
        return graph;
    }

    /** Each JVM_* or jio_* function reachable from {@code roots}, with the root it was first reached from. */
    Map<String, String> reachableJvmFunctions(Set<String> roots) {
        Map<String, String> reached = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (String root : roots) {
            Deque<String> todo = new ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (!seen.add(name)) {
                    continue;
                }
                if (name.startsWith("JVM_") || name.startsWith("jio_")) {
                    reached.putIfAbsent(name, root);
                    continue;
                }
                todo.addAll(calls.getOrDefault(name, Set.of()));
            }
        }
        return reached;
    }

    /** The functions {@code executable} imports from shared libraries. */
    static Set<String> imports(Path executable) throws Exception {
        Set<String> imports = new HashSet<>();
        for (String line : run("nm", "-D", "--undefined-only", executable.toString())) {
            imports.add(line.substring(line.lastIndexOf(' ') + 1).replaceAll("@.*", ""));
        }
        return imports;
    }

    static List<String> run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines =
                new String(process.getInputStream().readAllBytes()).lines().toList();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + String.join("\n", lines));
        }
        return lines;
    }
}
