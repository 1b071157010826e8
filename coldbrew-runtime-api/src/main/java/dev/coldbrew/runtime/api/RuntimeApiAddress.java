package dev.coldbrew.runtime.api;

/**
 * The value of {@code AWS_LAMBDA_RUNTIME_API}: {@code host:port}, e.g. {@code 127.0.0.1:9001}, or
 * {@code [::1]:9001} for an IPv6 literal.
 */
public record RuntimeApiAddress(String host, int port) {
    public RuntimeApiAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("Runtime API address: empty host");
        }
        if (port < 1 || port > 65535) {
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
        if (host.isEmpty() || port.length() > 5 || !digits(port)) {
            throw invalid(value, "expected host:port");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw invalid(value, "port is not in 1..65535");
        }
        return new RuntimeApiAddress(host, number);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
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
