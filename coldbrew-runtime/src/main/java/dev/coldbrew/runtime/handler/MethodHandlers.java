package dev.coldbrew.runtime.handler;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.aws.AwsHandlers;
import dev.coldbrew.runtime.binding.CodecLookup;
import dev.coldbrew.runtime.binding.ContextAdapter;
import dev.coldbrew.runtime.binding.HandlerName;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

/**
 * Binds a handler method ({@code _HANDLER=package.Class::method}) at init, as AWS's Java runtime accepts them:
 * {@code (InputStream, OutputStream[, Context])}, {@code (T[, Context]) → R} (R may be void) or {@code () → R},
 * where Context is coldbrew's or AWS's and T/R are byte[] or types a codec provider handles. Among overloads the
 * one with the most parameters wins. Static methods need no instance.
 */
public final class MethodHandlers {
    private static final String AWS_CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final MethodType NORMAL =
            MethodType.methodType(Object.class, Object.class, Object.class, Object.class);

    private MethodHandlers() {}

    /** The public method {@code name.method()} of {@code type} with the most parameters; NoSuchHandler if none. */
    public static Method find(Class<?> type, HandlerName name) throws InitException {
        Method best = null;
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name.method())
                    && method.getParameterCount() <= 3
                    && (best == null || method.getParameterCount() > best.getParameterCount())) {
                best = method;
            }
        }
        if (best == null) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_NO_SUCH_HANDLER,
                    "load handler " + name + " failed: class " + type.getName() + " has no public method "
                            + name.method() + " with at most 3 parameters");
        }
        return best;
    }

    public static boolean isStatic(Method method) {
        return Modifier.isStatic(method.getModifiers());
    }

    /** A handler calling {@code method} on {@code instance} (null for a static method). */
    public static BytesHandler bind(Object instance, Method method, HandlerName name, ClassLoader loader)
            throws InitException {
        Class<?>[] params = method.getParameterTypes();
        int inputs = params.length;
        ContextAdapter contexts = ContextAdapter.COLDBREW;
        if (inputs > 0 && isContext(params[inputs - 1])) {
            contexts = contextAdapter(params[inputs - 1]);
            inputs--;
        }
        boolean stream = inputs == 2 && params[0] == InputStream.class && params[1] == OutputStream.class;
        if (!stream && inputs > 1) {
            throw unsupported(method, name);
        }
        MethodHandle handle = normalised(instance, method, inputs, params.length > inputs, name);
        if (stream) {
            return new MethodHandler(handle, true, null, null, contexts);
        }
        Codec<Object> input = inputs == 0 ? null : codec(method.getGenericParameterTypes()[0], name, "input", loader);
        Codec<Object> output = method.getReturnType() == void.class
                ? null
                : codec(method.getGenericReturnType(), name, "output", loader);
        return new MethodHandler(handle, false, input, output, contexts);
    }

    private static boolean isContext(Class<?> param) {
        return param == Context.class || param.getName().equals(AWS_CONTEXT);
    }

    private static ContextAdapter contextAdapter(Class<?> param) {
        return param == Context.class ? ContextAdapter.COLDBREW : AwsHandlers.contextAdapter();
    }

    private static Codec<Object> codec(Type type, HandlerName name, String role, ClassLoader loader)
            throws InitException {
        return type == byte[].class ? null : CodecLookup.codecFor(type, name, role, loader);
    }

    /** {@code method} as {@code (Object in, Object out, Object context) → Object}, unused arguments dropped. */
    private static MethodHandle normalised(
            Object instance, Method method, int inputs, boolean takesContext, HandlerName name) throws InitException {
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException e) {
            throw new InitException(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, "bind handler " + name + " failed: " + e, e);
        }
        if (instance != null) {
            handle = handle.bindTo(instance);
        }
        if (!takesContext) {
            handle = MethodHandles.dropArguments(handle, handle.type().parameterCount(), Object.class);
        }
        if (inputs == 1) {
            handle = MethodHandles.dropArguments(handle, 1, Object.class);
        } else if (inputs == 0) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class, Object.class);
        }
        if (handle.type().returnType() == void.class) {
            handle = handle.asType(handle.type().changeReturnType(void.class));
        }
        return handle.asType(NORMAL);
    }

    private static InitException unsupported(Method method, HandlerName name) {
        return new InitException(
                RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE,
                "bind handler " + name + " failed: method "
                        + method + " has an unsupported signature; use (InputStream, OutputStream[, Context]),"
                        + " (T[, Context]) or ()");
    }
}
