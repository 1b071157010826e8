package dev.coldbrew.nativeimage.probe;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import java.util.ArrayList;
import java.util.List;

/** A handler that allocates until the heap is exhausted: the runtime must report Runtime.OutOfMemory. */
public final class Hog implements BytesHandler {
    @Override
    public byte[] handle(byte[] event, Context context) {
        List<long[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new long[1 << 20]);
        }
    }
}
