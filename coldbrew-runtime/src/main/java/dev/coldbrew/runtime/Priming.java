package dev.coldbrew.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample events the runtime hands to the handler during Init, before its first {@code GET /next}: on Lambda, Init
 * runs at full CPU while an invoke gets memory / 1,769 MB of a vCPU, so class loading, static initialisation and JIT
 * compilation done here are done several times faster than in the first real invoke. Opt-in:
 *
 * <pre>{@code
 * LambdaRuntime.run(new Handler(), Priming.events(sample).budgetMs(1_500));
 * }</pre>
 *
 * <p>The runtime sends the events in rounds (every event once per round) with a {@link Context} whose
 * {@link Context#priming()} is true, whose request id is {@code priming-<n>} and whose deadline is the end of the
 * budget; it discards the results and sends nothing to the Runtime API for them. It stops at the first of: the
 * {@linkplain #budgetMs() time budget} (checked between events, never interrupting the handler), the
 * {@linkplain #maxRounds() round limit}, or — unless {@linkplain #rounds(int) a fixed count} was asked for — when
 * the rounds have stopped getting faster ({@value #SETTLED_ROUNDS} rounds in a row not faster than
 * {@value #FASTER_PERCENT}% of the best one): the code the sample exercises has then been compiled. A handler
 * failure while priming ends priming, is written to stderr and does not fail Init, unless {@link #failOnError()}
 * was asked for; an {@link OutOfMemoryError} always fails Init.
 *
 * <p>Only for handlers that may run on sample events: idempotent, without side effects, or with a branch on
 * {@link Context#priming()}. Lambda bills Init, so priming costs what it takes; Init is limited to 10 s.
 *
 * <p>Immutable: each {@code with} method returns a new value.
 */
public final class Priming {
    /** Default time budget: well inside Lambda's 10 s Init limit, also after a slow JVM start. */
    public static final long DEFAULT_BUDGET_MS = 2_000;
    /** Largest budget accepted: Lambda ends an Init that takes 10 s, JVM start included. */
    public static final long MAX_BUDGET_MS = 9_000;
    /** Default upper bound of rounds when priming until the rounds stop getting faster. */
    public static final int DEFAULT_MAX_ROUNDS = 500;
    /** Largest round count accepted. */
    public static final int MAX_ROUNDS = 1_000_000;
    /** Consecutive rounds without speed-up after which priming stops. */
    public static final int SETTLED_ROUNDS = 3;
    /** A round is faster when it takes less than this share of the best earlier round. */
    public static final int FASTER_PERCENT = 90;

    /** Environment: a {@code .json} file or a folder of them, the events of a function that passes no Priming. */
    public static final String ENV_EVENTS = "COLDBREW_PRIMING";
    /** Environment: the time budget in milliseconds. */
    public static final String ENV_BUDGET_MS = "COLDBREW_PRIMING_BUDGET_MS";
    /** Environment: a fixed number of rounds (instead of stopping when the rounds stop getting faster). */
    public static final String ENV_ROUNDS = "COLDBREW_PRIMING_ROUNDS";
    /** Environment: {@code true} makes a handler failure while priming an init failure. */
    public static final String ENV_FAIL_ON_ERROR = "COLDBREW_PRIMING_FAIL_ON_ERROR";

    private final List<byte[]> events;
    private final long budgetMs;
    private final int maxRounds;
    private final boolean untilSettled;
    private final boolean failOnError;

    private Priming(List<byte[]> events, long budgetMs, int maxRounds, boolean untilSettled, boolean failOnError) {
        this.events = events;
        this.budgetMs = budgetMs;
        this.maxRounds = maxRounds;
        this.untilSettled = untilSettled;
        this.failOnError = failOnError;
    }

    /**
     * Priming with {@code events} (each the bytes of one event, as the Runtime API would deliver it), with the
     * default budget, until the rounds stop getting faster.
     *
     * @throws IllegalArgumentException when there is no event or one is null
     */
    public static Priming events(List<byte[]> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("priming needs at least one event, got " + events);
        }
        List<byte[]> copies = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new IllegalArgumentException("priming event " + i + " is null");
            }
            copies.add(events.get(i).clone());
        }
        return new Priming(List.copyOf(copies), DEFAULT_BUDGET_MS, DEFAULT_MAX_ROUNDS, true, false);
    }

    /** As {@link #events(List)}. */
    public static Priming events(byte[]... events) {
        return events(events == null ? null : List.of(events));
    }

    /**
     * Priming with the events in {@code path}: one file, or every {@code *.json} file of a folder in name order
     * (what {@code coldbrew package --prime} writes). The files are read now, not checked for JSON: the handler
     * gets their bytes.
     *
     * @throws IllegalArgumentException naming the path when it does not exist or a folder holds no {@code *.json}
     * @throws UncheckedIOException naming the file when one cannot be read
     */
    public static Priming eventsIn(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("priming events " + path + " do not exist");
        }
        List<Path> files = Files.isDirectory(path) ? jsonFiles(path) : List.of(path);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("priming events folder " + path + " holds no *.json file");
        }
        List<byte[]> events = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                events.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("read priming event " + file + " failed: " + e.getMessage(), e);
            }
        }
        return new Priming(List.copyOf(events), DEFAULT_BUDGET_MS, DEFAULT_MAX_ROUNDS, true, false);
    }

    private static List<Path> jsonFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("list priming events in " + dir + " failed: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /**
     * This priming with a time budget of {@code ms} milliseconds, from 1 to {@value #MAX_BUDGET_MS}.
     *
     * @throws IllegalArgumentException naming the value when it is out of range
     */
    public Priming budgetMs(long ms) {
        if (ms < 1 || ms > MAX_BUDGET_MS) {
            throw new IllegalArgumentException("priming budget is " + ms + " ms: expected 1 to " + MAX_BUDGET_MS
                    + " ms (Lambda limits Init to 10 s)");
        }
        return new Priming(events, ms, maxRounds, untilSettled, failOnError);
    }

    /**
     * This priming with exactly {@code count} rounds (each event {@code count} times), unless the budget ends it
     * first; the rounds' speed no longer decides.
     *
     * @throws IllegalArgumentException naming the value when it is not from 1 to {@value #MAX_ROUNDS}
     */
    public Priming rounds(int count) {
        return new Priming(events, budgetMs, checkedRounds(count), false, failOnError);
    }

    /**
     * This priming stopping when the rounds stop getting faster, after at most {@code maxRounds} rounds.
     *
     * @throws IllegalArgumentException naming the value when it is not from 1 to {@value #MAX_ROUNDS}
     */
    public Priming untilSettled(int maxRounds) {
        return new Priming(events, budgetMs, checkedRounds(maxRounds), true, failOnError);
    }

    /** This priming with a handler failure while priming failing Init ({@code Runtime.BadFunctionCode}). */
    public Priming failOnError() {
        return new Priming(events, budgetMs, maxRounds, untilSettled, true);
    }

    private static int checkedRounds(int count) {
        if (count < 1 || count > MAX_ROUNDS) {
            throw new IllegalArgumentException(
                    "priming rounds is " + count + ": expected a count from 1 to " + MAX_ROUNDS);
        }
        return count;
    }

    /** The events of one round, in order; the arrays are the runtime's own copies. */
    public List<byte[]> eventList() {
        return events;
    }

    /** The time budget in milliseconds. */
    public long budgetMs() {
        return budgetMs;
    }

    /** The largest number of rounds. */
    public int maxRounds() {
        return maxRounds;
    }

    /** True when priming stops once the rounds stop getting faster, false for a fixed count. */
    public boolean untilSettled() {
        return untilSettled;
    }

    /** True when a handler failure while priming fails Init. */
    public boolean failsOnError() {
        return failOnError;
    }

    @Override
    public String toString() {
        return "Priming[" + events.size() + " events, budget " + budgetMs + " ms, "
                + (untilSettled ? "until settled, at most " : "") + maxRounds + " rounds"
                + (failOnError ? ", fail on error" : "") + "]";
    }
}
