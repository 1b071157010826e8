package example.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A handler whose type arguments are variables: cannot be run. */
public class GenericHandler<T> implements RequestHandler<T, T> {
    @Override
    public T handleRequest(T input, Context context) {
        return input;
    }
}
