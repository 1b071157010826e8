package dev.coldbrew.local.invokeapi;

import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.local.function.Tenancy;
import dev.coldbrew.local.http.ServiceErrors;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonReader;
import dev.coldbrew.runtime.api.server.HttpBodies;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A validated {@code Invoke} request (invoke-api-and-environment.md §1.1): function name, qualifier, invocation
 * type, log type, client context, tenant id ({@code X-Amz-Tenant-Id}, or null) and payload.
 */
public record InvokeRequest(
        String functionName,
        String qualifier,
        InvocationType type,
        boolean tail,
        String clientContext,
        byte[] payload,
        String tenantId) {

    public static final String HEADER_INVOCATION_TYPE = "X-Amz-Invocation-Type";
    public static final String HEADER_LOG_TYPE = "X-Amz-Log-Type";
    public static final String HEADER_CLIENT_CONTEXT = "X-Amz-Client-Context";
    /** Largest base64 client context Lambda accepts. */
    public static final int MAX_CLIENT_CONTEXT_BYTES = 3_583;
    /** Largest asynchronous (Event) payload: 1 MB (docs API_Invoke). */
    public static final int MAX_EVENT_PAYLOAD_BYTES = 1024 * 1024;

    /** The names Lambda accepts in the path: a name, a partial or a full ARN, optionally with a qualifier. */
    private static final Pattern FUNCTION_NAME =
            Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                    + "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    public enum InvocationType {
        REQUEST_RESPONSE("RequestResponse"),
        EVENT("Event"),
        DRY_RUN("DryRun");

        final String wire;

        InvocationType(String wire) {
            this.wire = wire;
        }
    }

    /**
     * A request rejected before any function ran: status, AWS exception name and message, and whether its body was
     * left unread (a body announced too large is refused from its {@code Content-Length}, and the connection then
     * closes rather than reading it).
     */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String errorType;
        private final boolean bodyUnread;

        Rejected(int status, String errorType, String message) {
            this(status, errorType, message, false);
        }

        Rejected(int status, String errorType, String message, boolean bodyUnread) {
            super(message);
            this.status = status;
            this.errorType = errorType;
            this.bodyUnread = bodyUnread;
        }

        /** True when the body was refused unread: reply, then close the connection instead of draining it. */
        public boolean bodyUnread() {
            return bodyUnread;
        }

        public int status() {
            return status;
        }

        public String errorType() {
            return errorType;
        }
    }

    public static InvokeRequest parse(HttpExchange http, String name) throws IOException, Rejected {
        if (name.length() > 170 || !FUNCTION_NAME.matcher(name).matches()) {
            throw invalidParameter("invalid function name '" + name + "'");
        }
        var headers = http.getRequestHeaders();
        InvocationType type = invocationType(headers.getFirst(HEADER_INVOCATION_TYPE));
        boolean tail = logType(headers.getFirst(HEADER_LOG_TYPE));
        String clientContext = clientContext(headers.getFirst(HEADER_CLIENT_CONTEXT));
        String tenantId = headers.getFirst(Tenancy.HEADER_TENANT_ID);
        String invalidTenant = Tenancy.invalidTenantId(tenantId);
        if (invalidTenant != null) {
            throw invalidParameter(invalidTenant);
        }
        String qualifier = qualifier(http.getRequestURI().getRawQuery());
        int limit = type == InvocationType.EVENT ? MAX_EVENT_PAYLOAD_BYTES : RuntimeApi.MAX_REQUEST_BYTES;
        if (HttpBodies.announcedLength(http) > limit) {
            throw new Rejected(413, ServiceErrors.TOO_LARGE, tooLarge(limit), true);
        }
        byte[] payload = HttpBodies.readAtMost(http.getRequestBody(), limit);
        if (payload == null) {
            throw new Rejected(413, ServiceErrors.TOO_LARGE, tooLarge(limit));
        }
        if (payload.length > 0 && !JsonReader.isValid(payload)) {
            throw new Rejected(
                    400,
                    ServiceErrors.INVALID_REQUEST_CONTENT,
                    "Could not parse request body into json:" + " the payload of " + payload.length
                            + " bytes is not valid JSON");
        }
        return new InvokeRequest(name, qualifier, type, tail, clientContext, payload, tenantId);
    }

    private static String tooLarge(int limit) {
        return "Request must be smaller than " + limit + " bytes for the InvokeFunction operation";
    }

    private static InvocationType invocationType(String value) throws Rejected {
        if (value == null) {
            return InvocationType.REQUEST_RESPONSE;
        }
        for (InvocationType t : InvocationType.values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        throw invalidParameter(
                "invalid " + HEADER_INVOCATION_TYPE + " '" + value + "': use RequestResponse, Event or DryRun");
    }

    private static boolean logType(String value) throws Rejected {
        if (value == null || value.equals("None")) {
            return false;
        }
        if (value.equals("Tail")) {
            return true;
        }
        throw invalidParameter("invalid " + HEADER_LOG_TYPE + " '" + value + "': use None or Tail");
    }

    private static String clientContext(String value) throws Rejected {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_CLIENT_CONTEXT_BYTES) {
            throw invalidParameter(
                    HEADER_CLIENT_CONTEXT + " has " + value.length() + " bytes, over " + MAX_CLIENT_CONTEXT_BYTES);
        }
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Rejected(
                    400,
                    ServiceErrors.INVALID_REQUEST_CONTENT,
                    HEADER_CLIENT_CONTEXT + " is not valid base64: '" + value + "'");
        }
    }

    private static String qualifier(String rawQuery) throws Rejected {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals("Qualifier")) {
                String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (value.isEmpty() || !value.matches("\\$LATEST|[a-zA-Z0-9-_]{1,128}")) {
                    throw invalidParameter("invalid Qualifier '" + value + "'");
                }
                return value;
            }
        }
        return null;
    }

    private static Rejected invalidParameter(String message) {
        return new Rejected(400, ServiceErrors.INVALID_PARAMETER, message);
    }
}
