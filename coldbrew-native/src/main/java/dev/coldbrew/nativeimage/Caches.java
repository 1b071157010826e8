package dev.coldbrew.nativeimage;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where coldbrew-native keeps what it makes once and reuses: the compiled C support library and the JDK overlay,
 * each in a folder named after a hash of what it was made from, so a change of sources, JDK or builder makes a new
 * one. {@code $COLDBREW_CACHE}, else {@code $XDG_CACHE_HOME/coldbrew}, else {@code ~/.cache/coldbrew}.
 */
final class Caches {
    private Caches() {}

    static Path root(Map<String, String> env) {
        String explicit = env.getOrDefault("COLDBREW_CACHE", "");
        if (!explicit.isBlank()) {
            return Path.of(explicit, "native");
        }
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        Path base = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("coldbrew").resolve("native");
    }
}
