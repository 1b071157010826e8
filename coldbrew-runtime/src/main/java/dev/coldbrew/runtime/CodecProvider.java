package dev.coldbrew.runtime;

import java.lang.reflect.Type;

/**
 * The service interface through which a codec module (such as coldbrew-json) plugs POJO support into the runtime.
 * Found with {@link java.util.ServiceLoader} only when a handler named by {@code _HANDLER} is an AWS
 * {@code RequestHandler<I, O>}; explicitly registered handlers pass their codecs directly. Register an
 * implementation in {@code META-INF/services/dev.coldbrew.runtime.CodecProvider}.
 */
public interface CodecProvider {
    /**
     * A codec for values of {@code type} (a class or a parameterized type such as {@code Map<String, Object>}),
     * or null when this provider cannot handle it. Called once per handler at init.
     */
    <T> Codec<T> codecFor(Type type);
}
