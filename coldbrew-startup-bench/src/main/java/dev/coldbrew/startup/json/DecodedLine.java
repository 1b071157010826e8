package dev.coldbrew.startup.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

/** The line a probe prints once its first decode succeeded; the parent stops its clock on it. */
final class DecodedLine {
    static final String PREFIX = "decoded ";

    private DecodedLine() {}

    /**
     * Prints the method and the nested source IP, so a decode that silently skipped the nested objects
     * is caught by {@link JsonLibraryBench} instead of being timed.
     */
    static void print(APIGatewayProxyRequestEvent event) {
        System.out.println(PREFIX + event.getHttpMethod() + " "
                + event.getRequestContext().getIdentity().getSourceIp());
    }
}
