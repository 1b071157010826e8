package dev.coldbrew.local.cli;

/** Parsing of numeric command-line values with messages that name the flag and the value. */
final class Flags {
    private Flags() {}

    static int intIn(String flag, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " '" + value + "' is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(flag + " " + value + " is outside " + min + ".." + max);
        }
        return parsed;
    }
}
