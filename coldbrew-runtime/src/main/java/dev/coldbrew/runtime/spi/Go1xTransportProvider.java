package dev.coldbrew.runtime.spi;

/**
 * The base of every provider of Lambda's {@link #GO1X} protocol: it speaks go1.x, under a name
 * {@value #ENV_TRANSPORT} selects it by, by default or only when named. A subclass has a public no-argument
 * constructor (for {@link java.util.ServiceLoader}) and implements {@link #start}.
 */
public abstract class Go1xTransportProvider implements TransportProvider {
    private final String name;
    private final boolean selectedByDefault;

    /**
     * A go1.x provider called {@code name}; with {@code selectedByDefault} false it serves only when
     * {@value #ENV_TRANSPORT} names it.
     */
    protected Go1xTransportProvider(String name, boolean selectedByDefault) {
        this.name = name;
        this.selectedByDefault = selectedByDefault;
    }

    @Override
    public final String protocol() {
        return GO1X;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean selectedByDefault() {
        return selectedByDefault;
    }
}
