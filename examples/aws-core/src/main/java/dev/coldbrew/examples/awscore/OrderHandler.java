package dev.coldbrew.examples.awscore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * An API Gateway (REST API, proxy integration) handler written exactly as for AWS's own Java runtime: it knows
 * only {@code aws-lambda-java-core} and {@code aws-lambda-java-events}. coldbrew runs it unchanged with
 * {@code _HANDLER=dev.coldbrew.examples.awscore.OrderHandler::handleRequest} and {@code dev.coldbrew.runtime.Main}.
 *
 * <p>{@code GET|POST /orders/{orderId}} answers 200 with the order id, the method and the request id;
 * a missing or non-numeric {@code orderId} answers 400.
 */
public class OrderHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> pathParameters = request.getPathParameters();
        String orderId = pathParameters == null ? null : pathParameters.get("orderId");
        if (orderId == null || !orderId.matches("[0-9]{1,18}")) {
            context.getLogger().log("rejected order id " + orderId);
            return respond(400, "{\"error\":\"orderId must be a number\"}");
        }
        context.getLogger().log("order " + orderId + " via " + request.getHttpMethod());
        return respond(
                200,
                "{\"orderId\":" + orderId + ",\"method\":\"" + request.getHttpMethod() + "\",\"requestId\":\""
                        + context.getAwsRequestId() + "\"}");
    }

    private static APIGatewayProxyResponseEvent respond(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
