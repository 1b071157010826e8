package dev.coldbrew.pack.aot;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.layout.ZipWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a finished zip once in the local Lambda, unpacked (with the times and permissions stored in the zip) into a
 * folder of its own, not the training one: with {@code -XX:AOTMode=on} the JVM refuses to start unless the AOT
 * cache is valid at that new path. A package that primes must say so in its Init log.
 */
public final class ZipCheck {
    /** What coldbrew's runtime writes to stderr once it has primed the handler during Init. */
    static final String PRIMED = "coldbrew-runtime: primed: ";

    private ZipCheck() {}

    /**
     * Invokes the zip with one event.
     *
     * @param primes whether the package primes the handler during Init: its log must then say it did
     * @return e.g. {@code ok: response, Init Duration 123.45 ms, AOT cache in use}
     * @throws PackageException with the function's log when the runtime fails or rejects the cache, or when a
     *     package that should prime did not
     */
    public static String run(
            LambdaRun run,
            Path zip,
            Path taskRoot,
            SampleEvents.Event event,
            boolean aotCache,
            boolean primes,
            Consumer<String> log)
            throws PackageException {
        ZipWriter.extract(zip, taskRoot);
        AtomicReference<String> primed = new AtomicReference<>();
        Consumer<String> watched = line -> {
            int at = line.indexOf(PRIMED);
            if (at >= 0) {
                primed.set(line.substring(at + PRIMED.length() - "primed: ".length())
                        .strip());
            }
            log.accept(line);
        };
        try (LocalLambda lambda = LambdaRun.localLambda(watched)) {
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
            if (primes && primed.get() == null) {
                throw new PackageException("verify " + zip + ": the function did not prime during Init (no '"
                        + PRIMED.strip() + "' line): is it run by coldbrew's runtime?\nlog:\n" + result.log());
            }
            return "ok: " + outcome + init + (aotCache ? ", AOT cache in use (-XX:AOTMode=on)" : "")
                    + (primes ? ", " + primed.get() : "");
        }
    }
}
