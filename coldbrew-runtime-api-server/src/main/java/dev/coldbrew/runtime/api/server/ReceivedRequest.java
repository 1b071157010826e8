package dev.coldbrew.runtime.api.server;

import java.util.List;
import java.util.Map;

/**
 * A request as the server received it, before it is answered: for a fake that records what a runtime sent.
 *
 * @param requestId the id in an invocation path, or null
 * @param headers the request headers as the exchange API gives them (names compared case-insensitively)
 * @param body the body, empty for one that was over its limit or ended early
 */
public record ReceivedRequest(
        String method, String path, String requestId, Map<String, List<String>> headers, byte[] body) {}
