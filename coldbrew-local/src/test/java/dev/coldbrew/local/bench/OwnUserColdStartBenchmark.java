package dev.coldbrew.local.bench;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.testing.TestFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a user of its own costs a cold start: REPORT Init Duration of the echo function in a local Lambda that runs
 * each environment as its own user (root's default) and in one that runs them as the current user
 * ({@code sameUser}), alternating which goes first in each round so that the machine's load falls on both alike. A
 * benchmark, not a test: it asserts nothing. Needs root.
 *
 * <p>Run: {@code coldbrew-local/bench.sh user [cold-starts]} (default 20 each).
 */
public final class OwnUserColdStartBenchmark {

    private static final byte[] PAYLOAD = "{}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int coldStarts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double[] own = new double[coldStarts];
        double[] same = new double[coldStarts];
        try (BenchFolder dir = BenchFolder.create(
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                LocalLambda ownUsers = lambda(false, dir);
                LocalLambda sameUser = lambda(true, dir)) {
            if (!ownUsers.runsAsOwnUsers("echo")) {
                throw new IllegalStateException("environments do not run as users of their own here (root?)");
            }
            for (int i = 0; i < coldStarts; i++) {
                boolean ownFirst = i % 2 == 0;
                double first = coldStart(ownFirst ? ownUsers : sameUser);
                double second = coldStart(ownFirst ? sameUser : ownUsers);
                own[i] = ownFirst ? first : second;
                same[i] = ownFirst ? second : first;
            }
        }
        Arrays.sort(own);
        Arrays.sort(same);
        System.out.println(String.format(
                Locale.ROOT,
                "REPORT Init Duration, echo function, %d cold starts each, alternated:%n"
                        + "  own user     median %.1f ms [%.1f–%.1f]%n"
                        + "  current user median %.1f ms [%.1f–%.1f]%n"
                        + "  own/current  %.3f",
                coldStarts,
                own[coldStarts / 2],
                own[0],
                own[coldStarts - 1],
                same[coldStarts / 2],
                same[0],
                same[coldStarts - 1],
                own[coldStarts / 2] / same[coldStarts / 2]));
    }

    private static LocalLambda lambda(boolean sameUser, BenchFolder dir) {
        LocalLambda lambda = LocalLambda.create(
                LocalOptions.builder().logSink(line -> {}).sameUser(sameUser).build());
        lambda.register(TestFunctions.echo(dir.resolve(sameUser ? "same" : "own"), "echo"));
        return lambda;
    }

    private static double coldStart(LocalLambda lambda) {
        lambda.stopEnvironments("echo");
        InvocationResult result = lambda.invoke("echo", PAYLOAD);
        if (result.functionError() != null) {
            throw new IllegalStateException("cold start failed: " + result.payloadText() + "\n" + result.log());
        }
        return result.report().initDurationMs().orElseThrow();
    }
}
