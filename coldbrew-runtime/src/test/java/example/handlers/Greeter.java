package example.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** An unchanged AWS POJO handler. */
public final class Greeter implements RequestHandler<Greeter.Name, Greeter.Greeting> {
    public record Name(String value) {}

    public record Greeting(String text) {}

    @Override
    public Greeting handleRequest(Name input, Context context) {
        return new Greeting("Hello, " + input.value() + " from " + context.getFunctionName());
    }
}
