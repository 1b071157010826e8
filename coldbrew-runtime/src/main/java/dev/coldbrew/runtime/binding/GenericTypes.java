package dev.coldbrew.runtime.binding;

import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/** Finds the concrete type arguments a handler class gives a generic handler interface (init only). */
public final class GenericTypes {
    private GenericTypes() {}

    /**
     * The type arguments of {@code generic} as implemented by {@code type} or one of its superclasses.
     *
     * @throws InitException when they are type variables or raw, naming the class
     */
    public static Type[] arguments(Class<?> type, Class<?> generic, HandlerName name) throws InitException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == generic) {
                    return concrete(p, type, generic, name);
                }
            }
        }
        throw notConcrete(type, generic, name, "raw or inherited through another interface");
    }

    private static Type[] concrete(ParameterizedType p, Class<?> type, Class<?> generic, HandlerName name)
            throws InitException {
        Type[] arguments = p.getActualTypeArguments();
        for (Type argument : arguments) {
            if (argument instanceof TypeVariable<?>) {
                throw notConcrete(type, generic, name, "type argument " + argument.getTypeName() + " is a variable");
            }
        }
        return arguments;
    }

    private static InitException notConcrete(Class<?> type, Class<?> generic, HandlerName name, String why) {
        return new InitException(
                RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE,
                "adapt handler " + name + " failed: class "
                        + type.getName() + " implements " + generic.getSimpleName()
                        + " without concrete type arguments ("
                        + why + "); declare them on the class, e.g. implements " + generic.getSimpleName()
                        + "<In, Out>");
    }
}
