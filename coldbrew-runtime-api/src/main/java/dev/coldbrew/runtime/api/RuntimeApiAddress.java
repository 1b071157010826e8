package dev.coldbrew.runtime.api;

/**
 * The value of {@code AWS_LAMBDA_RUNTIME_API}: {@code host:port}, e.g. {@code 127.0.0.1:9001}, or
 * {@code [::1]:9001} for an IPv6 literal.
 */
public record RuntimeApiAddress(String host, int port) {
    /** Highest TCP port number. */
    public static final int MAX_PORT = 65_535;
    /** The largest five-digit number: a longer port is malformed, a five-digit one above 65535 out of range. */
    private static final long MAX_PORT_DIGITS = 99_999;

    public RuntimeApiAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("Runtime API address: empty host");
        }
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("Runtime API address: port " + port + " is not in 1..65535");
        }
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException naming the value when it is not {@code host:port} with a port in 1..65535
     */
    public static RuntimeApiAddress parse(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw invalid(value, "expected host:port");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw invalid(value, "an IPv6 host must be in brackets");
        }
        String port = value.substring(colon + 1);
        long number = UnsignedDecimal.parse(port, 0, MAX_PORT_DIGITS);
        if (host.isEmpty() || number == UnsignedDecimal.INVALID) {
            throw invalid(value, "expected host:port");
        }
        if (number < 1 || number > MAX_PORT) {
            throw invalid(value, "port is not in 1..65535");
        }
        return new RuntimeApiAddress(host, (int) number);
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException(
                RuntimeApi.ENV_RUNTIME_API + " is " + (value == null ? "not set" : "'" + value + "'") + ": " + why);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
