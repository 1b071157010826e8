package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.Config;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.Invoker;

/** Creates the invoker at init, once the configuration is known: explicit registration or {@code _HANDLER}. */
@FunctionalInterface
public interface HandlerInit {
    Invoker create(Config config) throws InitException;
}
