package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.Priming;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Outcome;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the handler on {@link Priming} events during Init, in rounds, until the budget, the round limit or — when
 * asked — the rounds stop getting faster. Nothing is sent anywhere: results are dropped, a failure ends priming.
 * Loaded only when a function primes.
 *
 * <p>Why the round time decides: the first rounds load and initialise classes and run interpreted; each JIT tier
 * that lands makes the next round faster, and once the hot code is compiled the rounds level off. Counting the
 * compiler's work instead ({@code CompilationMXBean}) would load {@code java.lang.management} at Init.
 */
final class Primer {
    /** Request ids of priming events: {@code priming-1}, {@code priming-2}, … */
    static final String REQUEST_ID_PREFIX = "priming-";

    private static final long NANOS_PER_MS = 1_000_000;

    /** How priming ended. */
    enum Stop {
        SETTLED("the rounds stopped getting faster"),
        ROUNDS("round limit reached"),
        BUDGET("budget spent"),
        FAILED("handler failed");

        final String words;

        Stop(String words) {
            this.words = words;
        }
    }

    /**
     * What priming did.
     *
     * @param invocations handler calls made
     * @param rounds complete rounds
     * @param nanos time spent
     * @param stop why it ended
     * @param failure the handler failure that ended it, or null
     */
    record Result(int invocations, int rounds, long nanos, Stop stop, Outcome.Failure failure) {}

    private final Priming priming;
    private final HandlerInvoker invoker;
    private final long started = System.nanoTime();
    private final long deadlineMs;
    private int invocations;
    private long bestRound = -1;
    private int notFaster;

    private Primer(Priming priming, HandlerInvoker invoker) {
        this.priming = priming;
        this.invoker = invoker;
        this.deadlineMs = System.currentTimeMillis() + priming.budgetMs();
    }

    /** Primes {@code invoker} as {@code priming} says; never throws for what the handler does. */
    static Result prime(Priming priming, HandlerInvoker invoker) {
        return new Primer(priming, invoker).run();
    }

    private Result run() {
        List<byte[]> events = priming.eventList();
        for (int round = 0; round < priming.maxRounds(); round++) {
            long roundStart = System.nanoTime();
            for (byte[] event : events) {
                if (budgetSpent()) {
                    return result(round, Stop.BUDGET, null);
                }
                if (invoke(event) instanceof Outcome.Failure failure) {
                    return result(round, Stop.FAILED, failure);
                }
            }
            if (priming.untilSettled() && settled(System.nanoTime() - roundStart)) {
                return result(round + 1, Stop.SETTLED, null);
            }
        }
        return result(priming.maxRounds(), Stop.ROUNDS, null);
    }

    private boolean budgetSpent() {
        return System.nanoTime() - started >= priming.budgetMs() * NANOS_PER_MS;
    }

    private Outcome invoke(byte[] event) {
        invocations++;
        return invoker.prime(new Invocation(
                REQUEST_ID_PREFIX + invocations,
                deadlineMs,
                null,
                null,
                null,
                null,
                null,
                RuntimeApi.CONTENT_TYPE_JSON,
                event.clone()));
    }

    /** True once {@link Priming#SETTLED_ROUNDS} rounds in a row were not faster than the best before them. */
    private boolean settled(long roundNanos) {
        if (bestRound < 0 || roundNanos * 100 < bestRound * Priming.FASTER_PERCENT) {
            notFaster = 0;
        } else {
            notFaster++;
        }
        bestRound = bestRound < 0 ? roundNanos : Math.min(bestRound, roundNanos);
        return notFaster >= Priming.SETTLED_ROUNDS;
    }

    private Result result(int rounds, Stop stop, Outcome.Failure failure) {
        return new Result(invocations, rounds, System.nanoTime() - started, stop, failure);
    }

    /** The one stderr line that says what priming did. */
    static void report(Result result, PrintStream err) {
        StringBuilder line = new StringBuilder(160)
                .append("coldbrew-runtime: primed: ")
                .append(result.invocations())
                .append(" invocations in ")
                .append(result.rounds())
                .append(" rounds, ")
                .append(result.nanos() / NANOS_PER_MS)
                .append(" ms; ")
                .append(result.stop().words);
        if (result.failure() != null) {
            line.append(": ")
                    .append(REQUEST_ID_PREFIX)
                    .append(result.invocations())
                    .append(' ')
                    .append(result.failure().error().errorType())
                    .append(": ")
                    .append(result.failure().error().errorMessage());
        }
        err.println(line);
    }
}
