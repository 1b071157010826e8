package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.Priming;
import dev.coldbrew.runtime.api.UnsignedDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The priming settings of the environment, read once at Init on top of the {@link Priming} the code passed (the
 * environment wins, so a deployment can change or switch off what the code asks for):
 * {@value Priming#ENV_EVENTS} names the events (a {@code .json} file or a folder of them; {@value #OFF} switches
 * priming off), {@value Priming#ENV_BUDGET_MS}, {@value Priming#ENV_ROUNDS} and
 * {@value Priming#ENV_FAIL_ON_ERROR} the limits. The limits apply only when there are events to prime with.
 */
final class PrimingEnvironment {
    /** The {@value Priming#ENV_EVENTS} value that switches priming off. */
    static final String OFF = "off";

    private PrimingEnvironment() {}

    /**
     * The priming to run, or null for none.
     *
     * @throws ConfigException naming the variable and value when one is malformed or the events cannot be read
     */
    static Priming read(Map<String, String> env, Priming coded) {
        Priming priming = events(env.get(Priming.ENV_EVENTS), coded);
        if (priming == null) {
            return null;
        }
        priming = budget(env.get(Priming.ENV_BUDGET_MS), priming);
        priming = rounds(env.get(Priming.ENV_ROUNDS), priming);
        return failOnError(env.get(Priming.ENV_FAIL_ON_ERROR), priming);
    }

    private static Priming events(String value, Priming coded) {
        if (value == null || value.isEmpty()) {
            return coded;
        }
        if (value.equalsIgnoreCase(OFF)) {
            return null;
        }
        try {
            return Priming.eventsIn(Path.of(value));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigException(Priming.ENV_EVENTS + " is '" + value + "': " + e.getMessage(), e);
        }
    }

    private static Priming budget(String value, Priming priming) {
        if (value == null || value.isEmpty()) {
            return priming;
        }
        long ms = UnsignedDecimal.parse(value, 1, Priming.MAX_BUDGET_MS);
        if (ms == UnsignedDecimal.INVALID) {
            throw new ConfigException(Priming.ENV_BUDGET_MS + " is '" + value + "': expected milliseconds from 1 to "
                    + Priming.MAX_BUDGET_MS + " (Lambda limits Init to 10 s)");
        }
        return priming.budgetMs(ms);
    }

    private static Priming rounds(String value, Priming priming) {
        if (value == null || value.isEmpty()) {
            return priming;
        }
        long count = UnsignedDecimal.parse(value, 1, Priming.MAX_ROUNDS);
        if (count == UnsignedDecimal.INVALID) {
            throw new ConfigException(
                    Priming.ENV_ROUNDS + " is '" + value + "': expected a round count from 1 to " + Priming.MAX_ROUNDS);
        }
        return priming.rounds((int) count);
    }

    private static Priming failOnError(String value, Priming priming) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("false")) {
            return priming;
        }
        if (value.equalsIgnoreCase("true")) {
            return priming.failOnError();
        }
        throw new ConfigException(Priming.ENV_FAIL_ON_ERROR + " is '" + value + "': expected true or false");
    }
}
