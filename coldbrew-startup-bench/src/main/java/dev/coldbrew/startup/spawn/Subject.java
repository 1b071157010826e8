package dev.coldbrew.startup.spawn;

import dev.coldbrew.startup.harness.Java;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of starting the function: a JVM command line and its extra environment. With an {@code aotCache}, the
 * measured runs use {@code -XX:AOTCache} and a training run first writes it with {@code -XX:AOTCacheOutput}. With
 * an {@code executable} (a native image), that is the whole command line and JVM options do not apply.
 */
public record Subject(
        String name,
        List<Path> classPath,
        String mainClass,
        List<String> args,
        Map<String, String> env,
        Path aotCache,
        Path executable) {

    public Subject {
        classPath = List.copyOf(classPath);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** A subject run on the JDK's default CDS archive. */
    public static Subject plain(
            String name, List<Path> classPath, String mainClass, List<String> args, Map<String, String> env) {
        return new Subject(name, classPath, mainClass, args, env, null, null);
    }

    /** A native executable of the function, started as it is. */
    public static Subject nativeExecutable(String name, Path executable) {
        return new Subject(name, List.of(), "", List.of(), Map.of(), null, executable);
    }

    /** The same subject with a JDK 25 AOT cache at {@code cache}. */
    public Subject withAotCache(String newName, Path cache) {
        return new Subject(newName, classPath, mainClass, args, env, cache, executable);
    }

    public boolean hasAotCache() {
        return aotCache != null;
    }

    /** The measured command line, with {@code jvmOptions} first. */
    public List<String> command(List<String> jvmOptions) {
        if (executable != null) {
            return List.of(executable.toString());
        }
        List<String> options = new ArrayList<>(jvmOptions);
        if (hasAotCache()) {
            options.add("-XX:AOTCache=" + aotCache);
        }
        return Java.command(options, classPath, mainClass, args.toArray(String[]::new));
    }

    /** The training run's command line, with {@code jvmOptions} first; it writes {@link #aotCache()} at exit. */
    public List<String> trainingCommand(List<String> jvmOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:AOTCacheOutput=" + aotCache);
        return Java.command(options, classPath, mainClass, args.toArray(String[]::new));
    }
}
