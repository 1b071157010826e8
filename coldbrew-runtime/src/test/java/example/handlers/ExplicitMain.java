package example.handlers;

import dev.coldbrew.runtime.LambdaRuntime;

/** A function that registers its handler from main, as users of coldbrew do. */
public final class ExplicitMain {
    private ExplicitMain() {}

    public static void main(String[] args) {
        LambdaRuntime.run(new Echo());
    }
}
