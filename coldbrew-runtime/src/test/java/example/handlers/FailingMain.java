package example.handlers;

import dev.coldbrew.runtime.LambdaRuntime;

/** A function whose handler always throws. */
public final class FailingMain {
    private FailingMain() {}

    public static void main(String[] args) {
        LambdaRuntime.run(new Failing());
    }
}
