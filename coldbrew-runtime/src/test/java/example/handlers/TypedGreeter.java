package example.handlers;

import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.TypedHandler;

/** coldbrew's typed handler named by _HANDLER: its codecs come from the codec providers. */
public final class TypedGreeter implements TypedHandler<Greeter.Name, Greeter.Greeting> {
    @Override
    public Greeter.Greeting handle(Greeter.Name input, Context context) {
        return new Greeter.Greeting("Typed hello, " + input.value());
    }
}
