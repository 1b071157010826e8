package dev.coldbrew.runtime.spi;

import dev.coldbrew.runtime.ExitStatus;
import java.io.IOException;
import java.time.Duration;

/** A running transport, started by a {@link TransportProvider}: it serves until the process must exit. */
public interface Transport extends AutoCloseable {
    /**
     * How long a transport keeps serving after answering a fatal failure before the process exits, so that the reply
     * with {@code ShouldExit} reaches the caller first (Lambda's go1.x runtime then replaces the process anyway).
     */
    Duration FATAL_EXIT_DELAY = Duration.ofMillis(500);

    /**
     * Blocks until the process must exit and says why: {@link ExitStatus#FATAL_HANDLER_ERROR} once a fatal
     * failure (e.g. out of memory) has been reported to the caller, as the Runtime API loop does.
     */
    ExitStatus awaitExit() throws InterruptedException;

    /** Stops serving and closes every connection. */
    @Override
    void close() throws IOException;
}
