package dev.coldbrew.runtime.testing;

import java.util.HashSet;
import java.util.Set;

/** Which request ids were handed out and which were already answered, as Lambda tracks them. */
final class InvocationStates {
    enum Transition {
        ACCEPTED,
        UNKNOWN_ID,
        ALREADY_DONE
    }

    private final Set<String> issued = new HashSet<>();
    private final Set<String> done = new HashSet<>();

    synchronized void issued(String requestId) {
        issued.add(requestId);
    }

    /** Marks {@code requestId} answered; says whether that was allowed. */
    synchronized Transition complete(String requestId) {
        if (!issued.contains(requestId)) {
            return Transition.UNKNOWN_ID;
        }
        return done.add(requestId) ? Transition.ACCEPTED : Transition.ALREADY_DONE;
    }
}
