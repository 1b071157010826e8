package dev.coldbrew.local.http;

import dev.coldbrew.runtime.api.server.Http11Options;
import java.time.Duration;

/**
 * How the local Lambda's callers' servers (the Invoke API and the API Gateway routes) read requests: one set of
 * limits for both, each server wording its own refusals.
 */
public final class FrontDoor {
    private FrontDoor() {}

    /**
     * A request head of at most 200 header fields and 384 KiB (request line included), as the JDK's server the
     * Invoke API ran on before (200 distinct names, 380 KiB counting 32 bytes a field): a request it took is refused
     * now only when more than 200 of its fields repeat names.
     */
    public static final Http11Options.Limits LIMITS = new Http11Options.Limits(200, 384 * 1024, 384 * 1024);

    /**
     * How long a caller's connection may stay open without a request (or with half a request head) before it is
     * closed: 30 s, as the JDK's server the Invoke API ran on before closed idle connections. The AWS SDKs and CLI
     * open a new connection when a pooled one was closed, so an idle caller loses nothing; a client that opens
     * connections and never uses them no longer holds a thread and a socket for ever.
     */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final int BACKLOG = 256;

    /** The server options of a callers' server whose refusals {@code refuser} words. */
    public static Http11Options options(Http11Options.Refuser refuser) {
        return new Http11Options(BACKLOG, LIMITS, refuser, IDLE_TIMEOUT);
    }
}
