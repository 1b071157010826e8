package dev.coldbrew.cli;

/** Reading flag values from a command line, with messages that name the flag and the value. */
public final class Flags {
    private Flags() {}

    /** The value after {@code flag} at {@code args[i]}; another flag or the end of the line is a usage error. */
    public static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** A whole number in {@code min..max}. */
    public static int intIn(String flag, String value, int min, int max) {
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

    /** True when the line asks for help ({@code --help} or {@code -h}). */
    public static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }
}
