package dev.coldbrew.runtime.binding;

import dev.coldbrew.runtime.Context;

/** Turns coldbrew's {@link Context} into the context type a handler method declares. */
public interface ContextAdapter {
    /** Passes coldbrew's {@link Context} as it is. */
    ContextAdapter COLDBREW = new ContextAdapter() {
        @Override
        public Object adapt(Context context) {
            return context;
        }
    };

    Object adapt(Context context);
}
