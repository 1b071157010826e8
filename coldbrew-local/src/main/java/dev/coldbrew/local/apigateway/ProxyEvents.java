package dev.coldbrew.local.apigateway;

import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events API Gateway sends a proxy integration: version 1.0 ({@code APIGatewayProxyRequestEvent}, REST APIs)
 * and version 2.0 ({@code APIGatewayV2HTTPEvent}, HTTP APIs), with the local stage, API id and account.
 */
final class ProxyEvents {
    private ProxyEvents() {}

    /** The API id in every event: there is one local API. */
    static final String API_ID = "local";
    /** The stage of a REST API event ({@code sam local start-api} uses the same). */
    static final String REST_STAGE = "Prod";
    /** The stage of an HTTP API event. */
    static final String HTTP_STAGE = "$default";

    private static final DateTimeFormatter V1_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    static String of(
            ApiRoute route, Map<String, String> pathParameters, ProxyRequest request, String requestId, Instant time) {
        return JsonWriter.write(
                route.format() == ApiRoute.PayloadFormat.V1
                        ? v1(route, pathParameters, request, requestId, time)
                        : v2(route, pathParameters, request, requestId, time));
    }

    static Map<String, Object> v1(
            ApiRoute route, Map<String, String> pathParameters, ProxyRequest request, String requestId, Instant time) {
        Map<String, List<String>> query = query(request.rawQuery());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", route.path());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        event.put("headers", lastValues(request.headers()));
        event.put("multiValueHeaders", request.headers());
        event.put("queryStringParameters", query.isEmpty() ? null : lastValues(query));
        event.put("multiValueQueryStringParameters", query.isEmpty() ? null : query);
        event.put("pathParameters", pathParameters.isEmpty() ? null : pathParameters);
        event.put("stageVariables", null);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("User-Agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", FunctionNames.ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("resourcePath", route.path());
        context.put("httpMethod", request.method());
        context.put("path", "/" + REST_STAGE + request.path());
        context.put("protocol", "HTTP/1.1");
        context.put("stage", REST_STAGE);
        context.put("requestId", requestId);
        context.put("requestTime", V1_TIME.format(time));
        context.put("requestTimeEpoch", time.toEpochMilli());
        context.put("domainName", request.header("Host"));
        context.put("identity", identity);
        event.put("requestContext", context);
        event.put("body", request.eventBody());
        event.put("isBase64Encoded", request.body().length > 0 && request.bodyIsBinary());
        return event;
    }

    static Map<String, Object> v2(
            ApiRoute route, Map<String, String> pathParameters, ProxyRequest request, String requestId, Instant time) {
        Map<String, List<String>> query = query(request.rawQuery());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.path());
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = cookies(request.headers());
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", joined(request.headers(), true));
        if (!query.isEmpty()) {
            event.put("queryStringParameters", joined(query, false));
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("User-Agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", FunctionNames.ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", request.header("Host"));
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", route.routeKey());
        context.put("stage", HTTP_STAGE);
        context.put("time", V1_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());
        event.put("requestContext", context);
        if (request.body().length > 0) {
            event.put("body", request.eventBody());
        }
        event.put("isBase64Encoded", request.body().length > 0 && request.bodyIsBinary());
        return event;
    }

    /** The query string's parameters, decoded, each with every value in order. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> lastValues(Map<String, List<String>> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v.getLast());
            }
        });
        return out;
    }

    /** Version 2.0 joins repeated values with commas, header names in lower case; cookies travel apart. */
    private static Map<String, String> joined(Map<String, List<String>> values, boolean headers) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            String name = headers ? k.toLowerCase(Locale.ROOT) : k;
            if (!(headers && name.equals("cookie"))) {
                out.merge(name, String.join(",", v), (a, b) -> a + "," + b);
            }
        });
        return out;
    }

    private static List<String> cookies(Map<String, List<String>> headers) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase("Cookie")) {
                v.forEach(line -> {
                    for (String cookie : line.split(";")) {
                        if (!cookie.isBlank()) {
                            out.add(cookie.strip());
                        }
                    }
                });
            }
        });
        return out;
    }
}
