package dev.coldbrew.runtime.api.server;

import dev.coldbrew.runtime.api.RuntimeApi;

/**
 * The Runtime API's route table on one screen (runtime-api.md §2): each endpoint with the one method it takes and,
 * for the two invocation endpoints, the request id taken from the path.
 */
public enum Endpoint {
    NEXT(RuntimeApi.METHOD_GET),
    RESPONSE(RuntimeApi.METHOD_POST),
    ERROR(RuntimeApi.METHOD_POST),
    INIT_ERROR(RuntimeApi.METHOD_POST),
    RESTORE_NEXT(RuntimeApi.METHOD_GET),
    RESTORE_ERROR(RuntimeApi.METHOD_POST),
    UNKNOWN(null);

    /** The method the endpoint takes; null for {@link #UNKNOWN}. */
    public final String method;

    Endpoint(String method) {
        this.method = method;
    }

    /** A path resolved to its endpoint, with the request id of {@code …/{id}/response} and {@code …/{id}/error}. */
    public record Route(Endpoint endpoint, String requestId) {}

    /** The endpoint {@code path} (raw, without query) names; {@link #UNKNOWN} for any other path. */
    public static Route route(String path) {
        return switch (path) {
            case RuntimeApi.NEXT_PATH -> new Route(NEXT, null);
            case RuntimeApi.INIT_ERROR_PATH -> new Route(INIT_ERROR, null);
            case RuntimeApi.RESTORE_NEXT_PATH -> new Route(RESTORE_NEXT, null);
            case RuntimeApi.RESTORE_ERROR_PATH -> new Route(RESTORE_ERROR, null);
            default -> invocation(path);
        };
    }

    private static Route invocation(String path) {
        if (!path.startsWith(RuntimeApi.INVOCATION_PREFIX)) {
            return new Route(UNKNOWN, null);
        }
        String rest = path.substring(RuntimeApi.INVOCATION_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return new Route(UNKNOWN, null);
        }
        String requestId = rest.substring(0, slash);
        return switch (rest.substring(slash)) {
            case RuntimeApi.RESPONSE_SUFFIX -> new Route(RESPONSE, requestId);
            case RuntimeApi.ERROR_SUFFIX -> new Route(ERROR, requestId);
            default -> new Route(UNKNOWN, null);
        };
    }
}
