package dev.coldbrew.nativeimage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A built executable and the shared libraries it needs at run time, which sit in {@link #LIBRARY_DIR} beside it
 * (the executable's rpath is {@code $ORIGIN/native-lib}); a real GraalVM build needs none.
 *
 * @param executable the executable
 * @param libraries the files in {@code native-lib/} (empty for a real GraalVM build)
 * @param builtBy which tool built it, for reports ("GraalVM native-image at …" or "GraalVM builder 25.0.2 …")
 * @param took how long the build took
 */
public record NativeImageResult(Path executable, List<Path> libraries, String builtBy, Duration took) {
    /** The folder beside the executable that holds the libraries it links. */
    public static final String LIBRARY_DIR = "native-lib";

    public NativeImageResult {
        libraries = List.copyOf(libraries);
    }
}
