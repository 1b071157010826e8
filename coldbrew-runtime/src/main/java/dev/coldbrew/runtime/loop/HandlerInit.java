package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.invoke.HandlerInvoker;

/** Creates the invoker at init, once the configuration is known: explicit registration or {@code _HANDLER}. */
@FunctionalInterface
public interface HandlerInit {
    HandlerInvoker create(Config config) throws InitException;
}
