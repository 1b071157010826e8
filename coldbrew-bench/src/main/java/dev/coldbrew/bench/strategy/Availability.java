package dev.coldbrew.bench.strategy;

/** Whether a strategy can run on this machine and, if not, why (shown in place of its numbers). */
public record Availability(boolean available, String reason) {
    public static Availability yes() {
        return new Availability(true, "");
    }

    public static Availability no(String reason) {
        return new Availability(false, "not available here: " + reason);
    }
}
