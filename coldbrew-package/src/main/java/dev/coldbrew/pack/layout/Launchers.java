package dev.coldbrew.pack.layout;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell scripts that start a packaged function. Both are POSIX {@code sh}, use paths relative to their own
 * folder (the task root, {@code /var/task} on Lambda) and name every jar in a fixed order: the class path then
 * reads the same wherever the zip is unpacked, which is what the AOT cache checks.
 */
public final class Launchers {
    private Launchers() {}

    /** The entry point Lambda executes on OS-only runtimes. */
    public static final String BOOTSTRAP = "bootstrap";
    /** The exec wrapper for the managed Java runtimes ({@code AWS_LAMBDA_EXEC_WRAPPER}). */
    public static final String EXEC_WRAPPER = "coldbrew-wrapper";
    /** Where the wrapper is on Lambda: the task root. */
    public static final String EXEC_WRAPPER_PATH = "/var/task/" + EXEC_WRAPPER;
    /** The bundled runtime's folder at the package root. */
    public static final String RUNTIME_DIR = "runtime";
    /** The function's jars. */
    public static final String LIB_DIR = "lib";

    /** The priming events' folder at the package root. */
    public static final String PRIMING_DIR = "priming";
    /** The runtime's variable naming the priming events ({@code dev.coldbrew.runtime.Priming.ENV_EVENTS}). */
    public static final String ENV_PRIMING = "COLDBREW_PRIMING";

    /** Names the packaged priming events unless the function's environment names others (or {@code off}). */
    private static final String PRIMING =
            "export " + ENV_PRIMING + "=\"${" + ENV_PRIMING + ":-" + PRIMING_DIR + "}\"\n";

    private static final String CD_HERE = "case \"$0\" in */*) cd \"${0%/*}\" || exit 127 ;; esac\n";

    /**
     * {@code bootstrap} for {@code provided.al2023}: the bundled runtime with {@code flags}, the AOT cache when the
     * package has one, and {@code mainClass}.
     */
    public static String bootstrap(List<String> flags, String aotCacheFlag, List<String> jarNames, String mainClass) {
        return bootstrap(flags, aotCacheFlag, jarNames, mainClass, false);
    }

    /**
     * As {@link #bootstrap(List, String, List, String)}; with {@code prime}, it also sets {@value #ENV_PRIMING} to
     * the {@value #PRIMING_DIR} folder unless the environment sets it.
     */
    public static String bootstrap(
            List<String> flags, String aotCacheFlag, List<String> jarNames, String mainClass, boolean prime) {
        return "#!/bin/sh\n"
                + "# coldbrew bootstrap (provided.al2023): runs the function on the Java runtime bundled in "
                + RUNTIME_DIR + "/.\n"
                + "# Paths are relative to this folder, so the AOT cache matches wherever the package is unpacked.\n"
                + CD_HERE
                + (prime ? PRIMING : "")
                + "aot=\n"
                + "[ -f " + aotFile(aotCacheFlag) + " ] && aot=" + quote(aotCacheFlag) + "\n"
                + "exec ./" + RUNTIME_DIR + "/bin/java " + quoteAll(flags) + " $aot -cp "
                + quote(classPath(jarNames)) + " " + quote(mainClass) + "\n";
    }

    /**
     * The exec wrapper for Lambda's managed Java runtimes. Lambda starts it with the command line of its own runtime
     * client, whose first word is the managed JVM; the wrapper keeps that JVM and runs coldbrew's runtime instead.
     */
    public static String execWrapper(List<String> flags, List<String> jarNames, String mainClass) {
        return execWrapper(flags, jarNames, mainClass, false);
    }

    /** As {@link #execWrapper(List, List, String)}; with {@code prime}, it sets {@value #ENV_PRIMING} as bootstrap does. */
    public static String execWrapper(List<String> flags, List<String> jarNames, String mainClass, boolean prime) {
        return "#!/bin/sh\n"
                + "# coldbrew exec wrapper (AWS_LAMBDA_EXEC_WRAPPER) for Lambda's managed Java runtimes: keeps the\n"
                + "# managed JVM (the first word of the command Lambda passes) and runs coldbrew's runtime with it.\n"
                + "java=/var/lang/bin/java\n"
                + "case \"$1\" in */java) java=$1 ;; esac\n"
                + CD_HERE
                + (prime ? PRIMING : "")
                + "exec \"$java\" " + quoteAll(flags) + " -cp " + quote(classPath(jarNames)) + " " + quote(mainClass)
                + "\n";
    }

    /** {@code lib/a.jar:lib/b.jar}, in the given order. */
    public static String classPath(List<String> jarNames) {
        return jarNames.stream().map(n -> LIB_DIR + "/" + n).collect(Collectors.joining(":"));
    }

    private static String aotFile(String aotCacheFlag) {
        return quote(aotCacheFlag.substring(aotCacheFlag.indexOf('=') + 1));
    }

    private static String quoteAll(List<String> words) {
        return words.stream().map(Launchers::quote).collect(Collectors.joining(" "));
    }

    /** Single-quotes a word for sh unless it is plainly safe. */
    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=+,@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
