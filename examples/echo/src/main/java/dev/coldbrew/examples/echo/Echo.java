package dev.coldbrew.examples.echo;

/** Returns its input unchanged: what remains of an invocation's duration is the runtime's own overhead. */
public final class Echo {
    public byte[] run(byte[] event) {
        return event;
    }
}
