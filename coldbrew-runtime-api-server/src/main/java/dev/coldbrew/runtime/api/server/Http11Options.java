package dev.coldbrew.runtime.api.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link Http11Server} reads and refuses requests: the listen backlog, the {@link Limits} a request head is
 * read within, and the {@link Refuser} that words the reply to a request refused before any handler saw it.
 *
 * @param backlog the listen backlog
 * @param idleTimeout how long a connection may wait for its next request (or the rest of a request head) before
 *     the server closes it; {@link Duration#ZERO} waits for ever (the Runtime API: a runtime's connection idles
 *     while its environment is frozen)
 */
public record Http11Options(
        int backlog, Http11Options.Limits limits, Http11Options.Refuser refuser, Duration idleTimeout) {
    public Http11Options {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(refuser, "refuser");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "idle timeout must be 0 (none) to " + Integer.MAX_VALUE + " ms: " + idleTimeout);
        }
    }

    /** Options whose connections never time out while idle. */
    public Http11Options(int backlog, Http11Options.Limits limits, Http11Options.Refuser refuser) {
        this(backlog, limits, refuser, Duration.ZERO);
    }

    /** These options with connections closed after {@code timeout} without a request. */
    public Http11Options withIdleTimeout(Duration timeout) {
        return new Http11Options(backlog, limits, refuser, timeout);
    }

    /** {@link Limits#DEFAULT}, and every refusal a 400 with a Runtime API error body ({@code BadRequest}). */
    public static Http11Options defaults(int backlog) {
        return new Http11Options(backlog, Limits.DEFAULT, Http11Server::badRequest);
    }

    /** Why a request was refused before any handler saw it. */
    public enum Problem {
        /** More header fields, or more bytes of head or of one line, than the server's {@link Limits}. */
        HEAD_OVER_LIMITS,
        /** A request line, header field, {@code Content-Length} or {@code Transfer-Encoding} that is not HTTP/1.1. */
        MALFORMED_HEAD,
        /** A request target that is not a URI, e.g. a malformed percent-escape {@code %zz}. */
        MALFORMED_TARGET
    }

    /**
     * Bounds on a request head: header fields, bytes of one line, and bytes of the request line and header fields
     * together (line ends included).
     */
    public record Limits(int maxFields, int maxLineBytes, int maxHeadBytes) {
        /** The Runtime API's: 256 fields, 64 KiB a line, 1 MiB in all (a runtime sends a handful of short fields). */
        public static final Limits DEFAULT = new Limits(256, 64 * 1024, 1024 * 1024);

        public Limits {
            if (maxFields < 1 || maxLineBytes < 64 || maxHeadBytes < 64) {
                throw new IllegalArgumentException("head limits must be at least 1 field and 64 bytes: maxFields="
                        + maxFields + ", maxLineBytes=" + maxLineBytes + ", maxHeadBytes=" + maxHeadBytes);
            }
        }
    }

    /** The reply to a refused request: status, header fields and body ({@code Content-Length} and close are added). */
    public record Refusal(int status, Map<String, String> headers, byte[] body) {
        public Refusal {
            headers = Map.copyOf(headers);
        }
    }

    /** Words the reply to a request refused before any handler saw it. */
    @FunctionalInterface
    public interface Refuser {
        /**
         * @param target the request target as sent, or null when the request line itself was refused
         * @param message what was wrong, naming the limit or the value refused
         */
        Refusal refuse(Problem problem, String target, String message);
    }
}
