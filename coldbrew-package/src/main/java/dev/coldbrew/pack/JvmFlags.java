package dev.coldbrew.pack;

import java.util.List;

/**
 * The JVM flags coldbrew puts in a package's launcher, chosen for a process that Lambda starts once per execution
 * environment, on a fraction of a vCPU (1,769 MB = 1 vCPU), with a hard memory limit. Users replace them with
 * {@code --jvm-flags}; {@code JAVA_TOOL_OPTIONS} in the function's environment still reaches the JVM as on Lambda.
 */
public final class JvmFlags {
    private JvmFlags() {}

    /**
     * Defaults for {@code provided.al2023} and the exec wrapper of the managed runtimes.
     *
     * <ul>
     *   <li>{@code -XX:+UseSerialGC}: one GC thread, the smallest heap overhead and the fastest start; below
     *       1,769 MB a function has less than one vCPU, so a parallel collector only adds threads. Lambda's
     *       managed Java runtimes choose it too (docs java-customization). The AOT cache is created with the
     *       same collector, so its archived heap objects map directly.
     *   <li>{@code -XX:MaxRAMPercentage=75}: the JVM's default heap is a quarter of the memory size, which
     *       leaves a 512 MB function 128 MB of heap; three quarters leaves room for metaspace, code cache and
     *       thread stacks below Lambda's hard limit.
     *   <li>{@code -XX:-UsePerfData}: no {@code hsperfdata} file mapped in {@code /tmp} at start-up (saves a
     *       file creation and a page-in per cold start; jstat cannot attach on Lambda anyway).
     *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a JVM out of heap exits, so Lambda resets the environment
     *       instead of reusing a broken one.
     *   <li>{@code -Djava.net.preferIPv4Stack=true}: Lambda's network is IPv4; the managed runtimes set it too.
     * </ul>
     *
     * <p>Deliberately not set: {@code -XX:TieredStopAtLevel=1}. Lambda's managed runtimes stop at C1 to shorten
     * JIT warm-up, but that caps throughput for the function's whole life; with an AOT cache the class loading
     * and linking work is already done at start-up and the cache carries method profiles (JEP 515), so C2 stays
     * on. Add it with {@code --jvm-flags} for functions that run only a few milliseconds per invoke.
     */
    public static final List<String> DEFAULTS = List.of(
            "-XX:+UseSerialGC",
            "-XX:MaxRAMPercentage=75",
            "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.net.preferIPv4Stack=true");

    /** The file name of the AOT cache at the package root. */
    public static final String AOT_CACHE_FILE = "coldbrew.aot";

    /** Loads the AOT cache created in the training run (JEP 483); the JVM falls back to no cache if unusable. */
    public static String aotCacheFlag() {
        return "-XX:AOTCache=" + AOT_CACHE_FILE;
    }
}
