package dev.coldbrew.runtime.handler;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.StreamHandler;
import dev.coldbrew.runtime.TypedHandler;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.aws.AwsHandlers;
import dev.coldbrew.runtime.binding.CodecLookup;
import dev.coldbrew.runtime.binding.GenericTypes;
import dev.coldbrew.runtime.binding.HandlerName;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.loop.Config;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Resolves {@code _HANDLER} once at init: loads the class, creates one instance with its public no-argument
 * constructor, and wraps it by the handler interface it implements. Reflection happens here only; the instance
 * is then called through its interface on every invocation. A method named with {@code ::method} that is not a
 * handler interface's method is bound by {@link MethodHandlers} (the one reflective call per invocation).
 *
 * <p>Init failures: no such class or method → {@code Runtime.NoSuchHandler}; constructor throws, class is not a
 * handler, or a {@code RequestHandler} has no codec → {@code Runtime.BadFunctionCode}.
 */
public final class HandlerResolver implements dev.coldbrew.runtime.loop.HandlerInit {
    private static final String HANDLE = "handle";

    private final ClassLoader loader;

    public HandlerResolver(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public HandlerInvoker create(Config config) throws InitException {
        HandlerName name = HandlerName.parse(config.handler());
        Class<?> type = load(name);
        Method method = name.method() == null ? null : MethodHandlers.find(type, name);
        if (method != null && MethodHandlers.isStatic(method)) {
            return new HandlerInvoker(config.function(), MethodHandlers.bind(null, method, name, loader));
        }
        Object instance = instantiate(type, name);
        HandlerInvoker invoker = adapt(instance, name, config.function());
        if (invoker != null) {
            return invoker.withHooksOf(instance);
        }
        if (method != null) {
            return new HandlerInvoker(config.function(), MethodHandlers.bind(instance, method, name, loader))
                    .withHooksOf(instance);
        }
        throw new InitException(
                RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE,
                "adapt handler " + name + " failed: class "
                        + type.getName()
                        + " is not a handler: implement dev.coldbrew.runtime.BytesHandler, StreamHandler or"
                        + " TypedHandler, or com.amazonaws.services.lambda.runtime.RequestHandler or RequestStreamHandler,"
                        + " or name a handler method as package.Class::method");
    }

    private Class<?> load(HandlerName name) throws InitException {
        try {
            return Class.forName(name.className(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_NO_SUCH_HANDLER,
                    "load handler " + name + " failed: class " + name.className() + " not found on the class path",
                    e);
        } catch (LinkageError e) {
            throw new InitException(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, "load handler " + name + " failed: " + e, e);
        }
    }

    private static Object instantiate(Class<?> type, HandlerName name) throws InitException {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE,
                    "create handler " + name + " failed: class " + type.getName()
                            + " has no public no-argument constructor",
                    e);
        } catch (InvocationTargetException e) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE,
                    "create handler " + name + " failed: the constructor threw " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, "create handler " + name + " failed: " + e, e);
        }
    }

    private HandlerInvoker adapt(Object instance, HandlerName name, FunctionConfig function) throws InitException {
        if (instance instanceof BytesHandler bytes && name.isMethod(HANDLE)) {
            return new HandlerInvoker(function, bytes);
        }
        if (instance instanceof StreamHandler stream && name.isMethod(HANDLE)) {
            return new HandlerInvoker(function, BytesHandler.of(stream));
        }
        if (instance instanceof TypedHandler<?, ?> typed && name.isMethod(HANDLE)) {
            return typed(typed, name, function);
        }
        return awsHandler(instance, name, function);
    }

    private HandlerInvoker awsHandler(Object instance, HandlerName name, FunctionConfig function) throws InitException {
        try {
            return AwsHandlers.adapt(instance, name, function, loader);
        } catch (NoClassDefFoundError e) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private HandlerInvoker typed(TypedHandler<?, ?> handler, HandlerName name, FunctionConfig function)
            throws InitException {
        Type[] types = GenericTypes.arguments(handler.getClass(), TypedHandler.class, name);
        Codec input = CodecLookup.codecFor(types[0], name, "input", loader);
        Codec output = CodecLookup.codecFor(types[1], name, "output", loader);
        return new HandlerInvoker(
                function, BytesHandler.of((TypedHandler) handler, input, output), output.contentType());
    }
}
