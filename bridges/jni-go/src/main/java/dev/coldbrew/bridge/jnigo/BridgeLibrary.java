package dev.coldbrew.bridge.jnigo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads {@code libcoldbrew-jni-go.so}, once per process. Where it looks, first match wins:
 *
 * <ol>
 *   <li>the path in the system property {@value #PROPERTY}, else in the environment variable {@value #ENV} (a
 *       set but missing path is an error: nothing else is tried);
 *   <li>{@code System.loadLibrary("coldbrew-jni-go")}: the directories of {@code java.library.path} (in a native
 *       image, those given at run time);
 *   <li>on a JVM, the directory of the jar holding this class, so a library shipped next to the jars in
 *       {@code lib/} is found without configuration; in a native image, which has no jars, the directory of the
 *       executable, so the library ships beside it (the seed's layout: the executable and the library in one
 *       zip).
 * </ol>
 *
 * When none works, the error names every place tried and why each failed.
 */
public final class BridgeLibrary {
    /** The name for {@link System#loadLibrary(String)}. */
    public static final String NAME = "coldbrew-jni-go";
    /** The file name on Linux. */
    public static final String FILE_NAME = System.mapLibraryName(NAME);
    /** The library's path, as an environment variable. */
    public static final String ENV = "COLDBREW_JNI_GO_LIBRARY";
    /** The library's path, as a system property (wins over {@value #ENV}). */
    public static final String PROPERTY = "coldbrew.jnigo.library";

    /** The condition for JUnit's {@code @EnabledIf}: {@link #bundled()}. */
    public static final String BUNDLED = "dev.coldbrew.bridge.jnigo.BridgeLibrary#bundled";

    /** Why {@link #bundled()} is false. */
    public static final String NOT_BUNDLED = "needs the bridge's Go library, and coldbrew-bridge-jni-go was built"
            + " without it (no Go was found at build time; install Go 1.19 or later, e.g. apt-get install golang-go,"
            + " and rebuild)";

    /** The system property a native image sets to {@value #IMAGE_RUNTIME} while it runs (not while it is built). */
    static final String IMAGE_CODE_PROPERTY = "org.graalvm.nativeimage.imagecode";

    static final String IMAGE_RUNTIME = "runtime";

    /** The running executable, as Linux shows it. */
    private static final Path SELF = Path.of("/proc/self/exe");

    private static boolean loaded;

    private BridgeLibrary() {}

    /**
     * Loads the library unless it already is.
     *
     * @throws UnsatisfiedLinkError naming every place tried and what each reported
     */
    static synchronized void load(Map<String, String> env, String property) {
        if (loaded) {
            return;
        }
        String configured = property != null && !property.isBlank() ? property : env.get(ENV);
        String source = property != null && !property.isBlank() ? "-D" + PROPERTY : ENV;
        if (configured != null && !configured.isBlank()) {
            loadConfigured(source, configured);
        } else {
            loadFromDefaults();
        }
        loaded = true;
    }

    private static void loadConfigured(String source, String configured) {
        Path path = Path.of(configured).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new UnsatisfiedLinkError("load the go1.x bridge library failed: " + source + " is '" + configured
                    + "', but " + path + " is not a file");
        }
        try {
            System.load(path.toString());
        } catch (UnsatisfiedLinkError e) {
            throw chained(
                    "load the go1.x bridge library failed: " + source + " is '" + configured + "': " + e.getMessage(),
                    e);
        }
    }

    private static void loadFromDefaults() {
        List<String> tried = new ArrayList<>();
        try {
            System.loadLibrary(NAME);
            return;
        } catch (UnsatisfiedLinkError e) {
            tried.add("System.loadLibrary(\"" + NAME + "\") with java.library.path="
                    + System.getProperty("java.library.path") + ": " + e.getMessage());
        }
        boolean image = inNativeImage();
        Path beside = image ? besideExecutable(SELF) : besideJar();
        String place = image ? "the executable's directory" : "the jar's directory";
        if (beside != null && Files.isRegularFile(beside)) {
            try {
                System.load(beside.toString());
                return;
            } catch (UnsatisfiedLinkError e) {
                tried.add(beside + ": " + e.getMessage());
            }
        } else {
            tried.add((beside == null ? place + " (unknown)" : beside.toString()) + ": no such file");
        }
        throw new UnsatisfiedLinkError("load the go1.x bridge library " + FILE_NAME + " failed; tried "
                + String.join("; ", tried) + ". Set " + ENV + " to its path, or ship it next to the "
                + (image ? "executable" : "jars"));
    }

    /** Whether this code runs in a native image (the property its builder sets for run time). */
    static boolean inNativeImage() {
        return IMAGE_RUNTIME.equals(System.getProperty(IMAGE_CODE_PROPERTY));
    }

    /** {@link #FILE_NAME} in the directory of the file {@code executable} links to, or null. */
    static Path besideExecutable(Path executable) {
        try {
            return executable.toRealPath().resolveSibling(FILE_NAME);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** {@link #FILE_NAME} in the directory of the jar (or class folder) holding this class, or null. */
    static Path besideJar() {
        CodeSource code = BridgeLibrary.class.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return null;
        }
        try {
            Path location = Path.of(code.getLocation().toURI());
            Path dir = Files.isDirectory(location) ? location : location.getParent();
            return dir == null ? null : dir.resolve(FILE_NAME);
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static UnsatisfiedLinkError chained(String message, Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        error.initCause(cause);
        return error;
    }

    /**
     * The library as this jar carries it, for tools that lay out a function's code (copy it next to the jars):
     * built for the build machine's Linux architecture, {@code os.arch} as Java names it.
     */
    public static String resource() {
        return "META-INF/native/linux-" + System.getProperty("os.arch") + "/" + FILE_NAME;
    }

    /**
     * Whether this jar carries the library for this machine: a build without Go (see {@code src/main/go/build.sh})
     * makes the jar without it. For tools and tests: {@code @EnabledIf(BridgeLibrary.BUNDLED)}.
     */
    public static boolean bundled() {
        return BridgeLibrary.class.getClassLoader().getResource(resource()) != null;
    }
}
