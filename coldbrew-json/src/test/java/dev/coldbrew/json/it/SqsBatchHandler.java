package dev.coldbrew.json.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;

/** An unchanged aws-lambda-java-core handler of SQS batches, as a user writes it for AWS's runtime. */
public class SqsBatchHandler implements RequestHandler<SQSEvent, SqsBatchHandler.Summary> {
    public record Summary(int messages, List<String> bodies, String queue) {}

    @Override
    public Summary handleRequest(SQSEvent event, Context context) {
        List<String> bodies =
                event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList();
        return new Summary(bodies.size(), bodies, event.getRecords().get(0).getEventSourceArn());
    }
}
