package dev.coldbrew.local.environment;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The command line that starts a function's runtime, per {@link RuntimeKind}. */
final class LaunchCommand {
    private LaunchCommand() {}

    /** AWS's runtime interface client entry point; the handler is its only argument. */
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    static final String COLDBREW_MAIN = "dev.coldbrew.runtime.Main";

    static List<String> of(FunctionConfig function, Path taskRoot, LocalOptions options) {
        return of(function, taskRoot, options, List.of());
    }

    /** As {@link #of(FunctionConfig, Path, LocalOptions)}, with {@code localFlags} after a managed JVM's own flags. */
    static List<String> of(FunctionConfig function, Path taskRoot, LocalOptions options, List<String> localFlags) {
        return switch (function.runtime()) {
            case PROVIDED -> provided(taskRoot);
            case JAVA17, JAVA21, JAVA25 ->
                execWrapped(function, taskRoot, managedJava(function, taskRoot, options, localFlags));
            case COLDBREW -> coldbrew(taskRoot, options);
            case GO1X -> go1x(function, taskRoot);
        };
    }

    private static List<String> provided(Path taskRoot) {
        Path bootstrap = taskRoot.resolve("bootstrap");
        if (!Files.isRegularFile(bootstrap) || !Files.isExecutable(bootstrap)) {
            throw new InvalidEntrypointException(
                    bootstrap + (Files.exists(bootstrap) ? " is not executable" : " does not exist"));
        }
        return List.of(bootstrap.toString());
    }

    /**
     * Lambda's go1.x runtime runs the executable the handler names, in the code directory (the handler of a
     * go1.x function is the name of its binary).
     */
    private static List<String> go1x(FunctionConfig function, Path taskRoot) {
        String handler = function.handler() == null ? "" : function.handler();
        Path executable = taskRoot.resolve(handler).normalize();
        if (handler.isBlank() || !executable.startsWith(taskRoot) || executable.equals(taskRoot)) {
            throw new InvalidEntrypointException("handler '" + handler + "' of go1.x function " + function.name()
                    + " must name an executable in " + taskRoot);
        }
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new InvalidEntrypointException(
                    executable + (Files.exists(executable) ? " is not executable" : " does not exist"));
        }
        return List.of(executable.toString());
    }

    /**
     * The JVM flags of Lambda's managed Java runtimes. Tiered compilation stops at C1 and the serial collector
     * is the default GC on java17, java21 and java25 (docs java-customization: "Lambda configures the JVM to
     * stop tiered compilation at level 1 by default", "the Java 17 runtime uses the serial garbage collector
     * by default"). The memory split is 85 % heap, 10 % metaspace, 5 % code cache, as the java command line
     * inside Lambda shows (StackOverflow 35298616: {@code -XX:MaxHeapSize=222823k
     * -XX:MaxMetaspaceSize=26214k -XX:ReservedCodeCacheSize=13107k -XX:+UseSerialGC -Xshare:on} for 256 MB).
     * {@code JAVA_TOOL_OPTIONS} from the function's variables is read by the JVM itself, as on Lambda. AWS's
     * runtime client loads its JNI library with {@code System.load}: native access is granted, so that JDK 24+
     * (which the local Lambda may use for {@code java21} too) does not print its "restricted method" warning into
     * every cold start's log, which a JDK 21 would not print; and {@code java.io} is opened to it, as its
     * telemetry log needs ({@code _LAMBDA_TELEMETRY_LOG_FD}: it makes a {@code FileDescriptor} from the number by
     * reflection, and without the opening falls back to unframed standard output).
     */
    static List<String> managedJvmFlags(int memoryMb) {
        long kb = memoryMb * 1024L;
        return List.of(
                "-XX:MaxHeapSize=" + kb * 85 / 100 + "k",
                "-XX:MaxMetaspaceSize=" + kb * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + kb * 5 / 100 + "k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true",
                "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED");
    }

    private static List<String> managedJava(
            FunctionConfig function, Path taskRoot, LocalOptions options, List<String> localFlags) {
        if (options.awsRuntimeClasspath().isEmpty()) {
            throw new IllegalArgumentException("function " + function.name() + ": runtime "
                    + function.runtime().id()
                    + " needs the jars of AWS's runtime interface client (LocalOptions.awsRuntimeClasspath)");
        }
        List<String> argv = new ArrayList<>();
        argv.add(java(options));
        argv.addAll(managedJvmFlags(function.memoryMb()));
        argv.addAll(localFlags);
        argv.add("-cp");
        argv.add(Stream.concat(options.awsRuntimeClasspath().stream(), taskClasspath(taskRoot).stream())
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        argv.add(RIC_MAIN);
        argv.add(function.handler());
        return argv;
    }

    /** The variable that names a managed runtime's wrapper script (docs runtimes-modify). */
    static final String EXEC_WRAPPER = "AWS_LAMBDA_EXEC_WRAPPER";

    /** The task root's path on Lambda; a wrapper under it is the same file under the local task root. */
    static final String LAMBDA_TASK_ROOT = "/var/task/";

    /**
     * With {@value #EXEC_WRAPPER} set, a managed runtime starts the wrapper script with its own command line as the
     * arguments (docs runtimes-modify: "the runtime's command line is passed as arguments to your script"), so the
     * wrapper can change flags or run something else with the managed JVM. A wrapper under {@code /var/task} is
     * found under the local task root; layers ({@code /opt}) and other places do not exist here.
     */
    static List<String> execWrapped(FunctionConfig function, Path taskRoot, List<String> command) {
        String wrapper = function.environment().get(EXEC_WRAPPER);
        if (wrapper == null || wrapper.isEmpty()) {
            return command;
        }
        if (!wrapper.startsWith(LAMBDA_TASK_ROOT)) {
            throw new InvalidEntrypointException(EXEC_WRAPPER + " '" + wrapper + "' of function " + function.name()
                    + ": the local Lambda runs wrappers from the function's code only (" + LAMBDA_TASK_ROOT
                    + "…), not from layers or the runtime's own files");
        }
        Path script =
                taskRoot.resolve(wrapper.substring(LAMBDA_TASK_ROOT.length())).normalize();
        if (!script.startsWith(taskRoot) || !Files.isRegularFile(script) || !Files.isExecutable(script)) {
            throw new InvalidEntrypointException(EXEC_WRAPPER + " '" + wrapper + "' of function " + function.name()
                    + ": " + script + (Files.exists(script) ? " is not an executable file" : " does not exist"));
        }
        List<String> argv = new ArrayList<>();
        argv.add(script.toString());
        argv.addAll(command);
        return argv;
    }

    private static List<String> coldbrew(Path taskRoot, LocalOptions options) {
        String classpath = taskRoot.resolve("lib") + File.separator + "*" + File.pathSeparator + taskRoot;
        return List.of(java(options), "-cp", classpath, COLDBREW_MAIN);
    }

    /** Lambda's layout: classes at the root of the package, jars in {@code lib/}. */
    private static List<Path> taskClasspath(Path taskRoot) {
        List<Path> entries = new ArrayList<>();
        entries.add(taskRoot);
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            entries.add(lib.resolve("*"));
        }
        return entries;
    }

    private static String java(LocalOptions options) {
        return options.javaHome().resolve("bin").resolve("java").toString();
    }
}
