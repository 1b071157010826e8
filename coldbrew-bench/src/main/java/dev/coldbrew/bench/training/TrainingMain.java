package dev.coldbrew.bench.training;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.LambdaRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The entry point of an AOT training run, inside the function: runs the example's handler on coldbrew's runtime
 * exactly as its own {@code main} does, and ends the JVM normally when it receives {@link #END_EVENT}, so that
 * {@code -XX:AOTCacheOutput} writes the cache with the classes and method profiles of the invokes before it (a
 * Lambda environment is otherwise only ever killed, and a killed JVM writes nothing).
 *
 * <p>Copied into the function's {@code lib/} as a one-class jar; production runs the example's own {@code main}
 * and never loads this class. Reflection is used once, at start, to create the handler from its class name.
 */
public final class TrainingMain {
    /** The event that ends a training run. */
    public static final byte[] END_EVENT = "{\"coldbrew-aot-training\":\"end\"}".getBytes(StandardCharsets.UTF_8);

    private TrainingMain() {}

    /** {@code args[0]}: the class name of a {@link BytesHandler} with a public no-argument constructor. */
    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length != 1) {
            throw new IllegalArgumentException(
                    "usage: TrainingMain <BytesHandler class>, got " + Arrays.toString(args));
        }
        BytesHandler target =
                (BytesHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        LambdaRuntime.run((event, context) -> {
            if (Arrays.equals(event, END_EVENT)) {
                System.exit(0);
            }
            return target.handle(event, context);
        });
    }
}
