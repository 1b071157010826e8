package dev.coldbrew.startup.spawn;

import dev.coldbrew.pack.aot.AotTrainer;
import dev.coldbrew.startup.harness.Java;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of starting the function: a JVM command line and its extra environment. With an {@code aotCache}, the
 * measured runs use {@code -XX:AOTCache}, which coldbrew's {@link AotTrainer} writes first: a training run with
 * {@code -XX:AOTMode=record}, then {@code -XX:AOTMode=create} for the measured command line. With
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

    /** Where the training run writes its AOT configuration: beside the cache. */
    public Path aotConfiguration() {
        return aotCache.resolveSibling(aotCache.getFileName() + "conf");
    }

    /** The training run's command line, with {@code jvmOptions} first; it writes {@link #aotConfiguration()}. */
    public List<String> trainingCommand(List<String> jvmOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(AotTrainer.recordFlags(aotConfiguration()));
        return Java.command(options, classPath, mainClass, args.toArray(String[]::new));
    }

    /** The measured command line as the cache is created for it, in {@code directory} (the benchmark's own). */
    public AotTrainer.CacheCommand cacheCommand(List<String> jvmOptions, Path directory) {
        return new AotTrainer.CacheCommand(
                directory, Java.executable(), jvmOptions, Java.classPath(classPath), mainClass);
    }
}
