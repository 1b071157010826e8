package dev.coldbrew.runtime.api.server;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which request ids a runtime may answer, as Lambda tracks them: an id handed out by {@code GET /next} may be
 * answered once, by {@code /response} or {@code /error}; answering it again is a wrong state (403), answering an
 * id never handed out an invalid request id (400). An id handed out again after its answer (Lambda never does; a
 * fake may) stays answered. Several ids may be in flight at once (Lambda Managed Instances
 * run concurrent {@code /next} loops). Thread-safe.
 */
public final class InvocationLedger {
    /** How many answered ids are remembered to tell "answered twice" from "never handed out". */
    static final int ANSWERED_REMEMBERED = 1024;

    /** How an answer for a request id was judged. */
    public enum Verdict {
        ACCEPTED,
        UNKNOWN_REQUEST_ID,
        ALREADY_ANSWERED
    }

    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, Boolean> answered = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ANSWERED_REMEMBERED;
        }
    };

    /** {@code requestId} was handed to the runtime and may now be answered, unless it was answered before. */
    public synchronized void handedOut(String requestId) {
        inFlight.add(requestId);
    }

    /** Marks {@code requestId} answered if it may be, and says whether it could. */
    public synchronized Verdict answer(String requestId) {
        if (answered.containsKey(requestId)) {
            inFlight.remove(requestId);
            return Verdict.ALREADY_ANSWERED;
        }
        if (inFlight.remove(requestId)) {
            answered.put(requestId, Boolean.TRUE);
            return Verdict.ACCEPTED;
        }
        return Verdict.UNKNOWN_REQUEST_ID;
    }
}
