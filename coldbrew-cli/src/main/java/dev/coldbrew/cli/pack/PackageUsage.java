package dev.coldbrew.cli.pack;

import dev.coldbrew.pack.JvmFlags;
import dev.coldbrew.pack.PackageRequest;

/** The help text of {@code coldbrew package}. */
final class PackageUsage {
    private PackageUsage() {}

    static final String TEXT = """
            Usage: coldbrew package [options]

            Makes a Lambda deployment zip (function.zip) and a SAM template (template.yaml) for a Java function.

            Function:
              --jar FILE            a function jar; repeat for each (class path order)
              --code DIR            a Lambda code directory: every DIR/lib/*.jar and DIR/*.jar
              --handler H           package.Class[::method]; run by dev.coldbrew.runtime.Main, which reads _HANDLER
              --main-class C        the function's own main (it calls LambdaRuntime.run with its handler)
              --name NAME           function name in the template (default %s)
              --memory MB           MemorySize, 128..10240 (default %d)
              --timeout S           Timeout in seconds, 1..900 (default %d)
              --env KEY=VALUE       an environment variable of the function; repeatable

            Target:
              --target T            provided.al2023 (default): bundled jlink'd Java runtime + AOT cache + bootstrap
                                    java25 | java21: Lambda's managed Java runtime; lib/*.jar, and an exec wrapper
                                    (AWS_LAMBDA_EXEC_WRAPPER) when coldbrew's runtime starts the function
              --native              provided.al2023 with a GraalVM native executable as bootstrap (native-image
                                    from GRAALVM_HOME, else PATH, else GraalVM's builder from Maven Central)
              The architecture is this machine's; an arm64 package needs an arm64 build machine.

            Runtime and AOT cache (provided.al2023):
              --events DIR          training events: one JSON event per *.json file (default: one {} event)
              --training-rounds N   times each event is sent in the training run (default %d)
              --no-aot              no training run, no AOT cache
              --modules M,M         the runtime's JDK modules (default: computed with jdeps over the jars)
              --add-modules M,M     modules added to the computed ones (e.g. for reflection or ServiceLoader)
              --reachable-modules   compute the modules of the classes reachable from the main and handler classes
                                    (and META-INF/services providers) instead of whole jars: smaller runtimes, but
                                    classes loaded only by name are not seen (add their modules with --add-modules)
              --jvm-flags "F F"     the launcher's JVM flags, replacing the defaults:
                                    %s
              --jdk DIR             the JDK 25+ whose jlink and jdeps make the runtime (default: the running one)
              --no-verify           do not run the finished zip in the local Lambda

            Priming (JVM packages on coldbrew's runtime):
              --prime               package sample events in priming/ and have the launcher set COLDBREW_PRIMING:
                                    the runtime runs the handler on them during Init (full CPU on Lambda) until the
                                    rounds stop getting faster or 2 s; only for handlers safe to run on samples
              --priming-events DIR  the priming events, one JSON event per *.json file (default: --events DIR)

            Output:
              --output DIR          where function.zip and template.yaml are written (default %s)
              --max-zip-mb N        refuse a zip above N MB (default and maximum: Lambda's 50)
              --max-unzipped-mb N   refuse a package above N MB unzipped (default and maximum: Lambda's 250)
              -h, --help            this text

            Exit status: 0 written, 1 packaging failed, 2 bad command line.
            """.formatted(
                    PackageRequest.DEFAULT_FUNCTION_NAME,
                    PackageRequest.DEFAULT_MEMORY_MB,
                    PackageRequest.DEFAULT_TIMEOUT_SECONDS,
                    PackageRequest.DEFAULT_TRAINING_ROUNDS,
                    String.join(" ", JvmFlags.DEFAULTS),
                    PackageCommand.DEFAULT_OUTPUT);
}
