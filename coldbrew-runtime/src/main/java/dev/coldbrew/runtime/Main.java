package dev.coldbrew.runtime;

import dev.coldbrew.runtime.handler.HandlerResolver;
import dev.coldbrew.runtime.loop.Bootstrap;
import java.util.Map;

/**
 * The generic main for functions named by AWS's convention: {@code _HANDLER=package.Class} or
 * {@code _HANDLER=package.Class::method}, resolved once at init. The class needs a public no-argument
 * constructor and must implement {@link BytesHandler}, {@link StreamHandler}, or AWS's {@code RequestHandler} /
 * {@code RequestStreamHandler} (from {@code aws-lambda-java-core}, on the class path). A {@code RequestHandler}
 * with POJO types needs a codec module such as coldbrew-json. Run it as
 * {@code java -cp <function and coldbrew jars> dev.coldbrew.runtime.Main}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LambdaRuntime.exit(run(System.getenv()));
    }

    /** Resolves {@code _HANDLER} from {@code env} and serves invocations; returns why it stopped. */
    public static ExitStatus run(Map<String, String> env) {
        return Bootstrap.run(env, new HandlerResolver(Thread.currentThread().getContextClassLoader()), System.err);
    }
}
