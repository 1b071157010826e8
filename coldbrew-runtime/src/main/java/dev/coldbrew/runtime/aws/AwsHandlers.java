package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.binding.CodecLookup;
import dev.coldbrew.runtime.binding.ContextAdapter;
import dev.coldbrew.runtime.binding.GenericTypes;
import dev.coldbrew.runtime.binding.HandlerName;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import java.lang.reflect.Type;

/**
 * Runs handlers written against {@code aws-lambda-java-core} unchanged. The only classes of coldbrew that touch
 * AWS's types live in this package, so a function registered explicitly loads none of them.
 */
public final class AwsHandlers {
    private static final String HANDLE_REQUEST = "handleRequest";

    private AwsHandlers() {}

    /**
     * An invoker for {@code instance} when it is a {@code RequestStreamHandler} or {@code RequestHandler}, else
     * null.
     *
     * @throws NoClassDefFoundError when aws-lambda-java-core is not on the class path
     * @throws InitException when a {@code RequestHandler}'s types are not concrete or have no codec
     */
    public static HandlerInvoker adapt(Object instance, HandlerName name, FunctionConfig function, ClassLoader loader)
            throws InitException {
        if (!name.isMethod(HANDLE_REQUEST)) {
            return null;
        }
        if (instance instanceof RequestStreamHandler stream) {
            return new HandlerInvoker(function, BytesHandler.of(new RequestStreamAdapter(stream)));
        }
        if (instance instanceof RequestHandler<?, ?> handler) {
            return requestHandler(handler, name, function, loader);
        }
        return null;
    }

    /** Passes AWS's {@code Context} view of coldbrew's context to handler methods that declare it. */
    public static ContextAdapter contextAdapter() {
        return new AwsContextAdapter();
    }

    private static final class AwsContextAdapter implements ContextAdapter {
        @Override
        public Object adapt(dev.coldbrew.runtime.Context context) {
            return new AwsContext(context);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static HandlerInvoker requestHandler(
            RequestHandler<?, ?> handler, HandlerName name, FunctionConfig function, ClassLoader loader)
            throws InitException {
        Type[] types = GenericTypes.arguments(handler.getClass(), RequestHandler.class, name);
        Codec input = CodecLookup.codecFor(types[0], name, "input", loader);
        Codec output = CodecLookup.codecFor(types[1], name, "output", loader);
        return new HandlerInvoker(
                function,
                BytesHandler.of(new RequestHandlerAdapter<>((RequestHandler) handler), input, output),
                output.contentType());
    }
}
