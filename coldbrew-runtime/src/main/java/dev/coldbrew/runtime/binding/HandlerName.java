package dev.coldbrew.runtime.binding;

import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.api.RuntimeApi;

/**
 * A parsed {@code _HANDLER} value: {@code package.Class} or {@code package.Class::method}, split at the last
 * {@code ::} as AWS's Java runtime does.
 *
 * @param className the binary class name
 * @param method the method name, or null
 */
public record HandlerName(String className, String method) {
    private static final String METHOD_SEPARATOR = "::";

    /** True when this names no method or names {@code name}: the handler interface's method is then meant. */
    public boolean isMethod(String name) {
        return method == null || method.equals(name);
    }

    /** Parses {@code value}; a missing or malformed value is an {@link InitException} naming it. */
    public static HandlerName parse(String value) throws InitException {
        if (value == null || value.isBlank()) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_NO_SUCH_HANDLER,
                    RuntimeApi.ENV_HANDLER
                            + " is not set: name the handler class as package.Class or package.Class::method");
        }
        int separator = value.lastIndexOf(METHOD_SEPARATOR);
        String className = separator < 0 ? value : value.substring(0, separator);
        String method = separator < 0 ? null : value.substring(separator + METHOD_SEPARATOR.length());
        if (!isQualifiedName(className) || (method != null && !isIdentifier(method))) {
            throw new InitException(
                    RuntimeApi.FN_ERROR_NO_SUCH_HANDLER,
                    RuntimeApi.ENV_HANDLER + " is '" + value + "': expected package.Class or package.Class::method");
        }
        return new HandlerName(className, method);
    }

    private static boolean isQualifiedName(String name) {
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            String part = dot < 0 ? name.substring(start) : name.substring(start, dot);
            if (!isIdentifier(part.replace('$', '_'))) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return method == null ? className : className + METHOD_SEPARATOR + method;
    }
}
