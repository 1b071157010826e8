package dev.coldbrew.pack.aot;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.layout.ZipWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs a finished zip once in the local Lambda, unpacked (with the times and permissions stored in the zip) into a
 * folder of its own, not the training one: with {@code -XX:AOTMode=on} the JVM refuses to start unless the AOT
 * cache is valid at that new path.
 */
public final class ZipCheck {
    private ZipCheck() {}

    /**
     * Invokes the zip with one event.
     *
     * @return e.g. {@code ok: response, Init Duration 123.45 ms, AOT cache in use}
     * @throws PackageException with the function's log when the runtime fails or rejects the cache
     */
    public static String run(
            LambdaRun run, Path zip, Path taskRoot, SampleEvents.Event event, boolean aotCache, Consumer<String> log)
            throws PackageException {
        ZipWriter.extract(zip, taskRoot);
        try (LocalLambda lambda = LambdaRun.localLambda(log)) {
            run.register(lambda, taskRoot, aotCache ? "-XX:AOTMode=on" : "");
            InvocationResult result =
                    LambdaRun.invoke(lambda, run.functionName(), event.fileName(), event.payload(), "verify " + zip);
            String outcome = result.isFunctionError() ? "function error " + LambdaRun.errorType(result) : "response";
            String init = result.report() == null
                    ? ""
                    : result.report().initDurationMs().stream()
                            .mapToObj(d -> String.format(Locale.ROOT, ", Init Duration %.2f ms", d))
                            .findFirst()
                            .orElse("");
            return "ok: " + outcome + init + (aotCache ? ", AOT cache in use (-XX:AOTMode=on)" : "");
        }
    }
}
