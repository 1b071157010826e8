package dev.coldbrew.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The function's jars, in class path order, opened once to check that each is a readable jar and to answer which
 * classes they hold.
 */
public final class FunctionJars {
    private static final String SERVICES = "META-INF/services/";
    private final List<Path> jars;
    private final Set<String> classEntries;
    private final Optional<String> manifestMainClass;
    private final Set<String> serviceProviders;

    /** The error when no jar is given. */
    public static final String NONE_GIVEN =
            "no function jars: give --jar FILE (repeatable) or --code DIR with lib/*.jar";

    private FunctionJars(
            List<Path> jars, Set<String> classEntries, Optional<String> manifestMainClass, Set<String> providers) {
        this.jars = jars;
        this.classEntries = classEntries;
        this.manifestMainClass = manifestMainClass;
        this.serviceProviders = providers;
    }

    /**
     * Opens every jar.
     *
     * @throws PackageException naming the first jar that is missing, unreadable, not a jar, or a duplicate name
     */
    public static FunctionJars open(List<Path> jars) throws PackageException {
        if (jars.isEmpty()) {
            throw new PackageException(NONE_GIVEN);
        }
        Set<String> names = new HashSet<>();
        Set<String> classes = new HashSet<>();
        Set<String> providers = new HashSet<>();
        Optional<String> main = Optional.empty();
        for (Path jar : jars) {
            requireReadable(jar);
            if (!names.add(jar.getFileName().toString())) {
                throw new PackageException("function jars: two jars are named " + jar.getFileName()
                        + " (the package keeps them side by side in lib/); rename one");
            }
            Optional<String> jarMain = scan(jar, classes, providers);
            if (main.isEmpty()) {
                main = jarMain;
            }
        }
        return new FunctionJars(List.copyOf(jars), Set.copyOf(classes), main, Set.copyOf(providers));
    }

    /** The jars of a Lambda code directory: {@code DIR/lib/*.jar} and {@code DIR/*.jar}, sorted by name. */
    public static List<Path> inCodeDirectory(Path dir) throws PackageException {
        if (!Files.isDirectory(dir)) {
            throw new PackageException("code directory " + dir + " does not exist or is not a directory");
        }
        List<Path> found = new ArrayList<>();
        for (Path folder : List.of(dir.resolve("lib"), dir)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p))
                            .sorted()
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new PackageException("list jars in " + folder + " failed: " + e.getMessage(), e);
                }
            }
        }
        if (found.isEmpty()) {
            throw new PackageException(
                    "code directory " + dir + " holds no jar (looked in " + dir.resolve("lib") + " and " + dir + ")");
        }
        return found;
    }

    public List<Path> jars() {
        return jars;
    }

    /** True if a jar holds the class (binary name, e.g. {@code com.example.Handler}). */
    public boolean containsClass(String className) {
        return classEntries.contains(className.replace('.', '/') + ".class");
    }

    /** The classes named in the jars' {@code META-INF/services/*} files (loaded by ServiceLoader, not by name). */
    public Set<String> serviceProviders() {
        return serviceProviders;
    }

    /** The {@code Main-Class} of the first jar whose manifest names one. */
    public Optional<String> manifestMainClass() {
        return manifestMainClass;
    }

    private static void requireReadable(Path jar) throws PackageException {
        if (!Files.exists(jar)) {
            throw new PackageException("function jar " + jar + " does not exist");
        }
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw new PackageException("function jar " + jar + " is not a readable file");
        }
    }

    private static Optional<String> scan(Path jar, Set<String> classes, Set<String> providers) throws PackageException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith(SERVICES) && !entry.isDirectory()) {
                    readProviders(file, entry, providers);
                }
            }
            file.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.endsWith(".class"))
                    .map(FunctionJars::withoutVersionPrefix)
                    .forEach(classes::add);
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return Optional.ofNullable(main).map(String::trim).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            throw new PackageException("function jar " + jar + " is not a valid jar: " + e.getMessage(), e);
        }
    }

    private static void readProviders(JarFile file, JarEntry entry, Set<String> providers) throws IOException {
        String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String name = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!name.isEmpty()) {
                providers.add(name);
            }
        }
    }

    /** {@code META-INF/versions/21/a/B.class} → {@code a/B.class}. */
    private static String withoutVersionPrefix(String name) {
        if (name.startsWith("META-INF/versions/")) {
            int slash = name.indexOf('/', "META-INF/versions/".length());
            return slash < 0 ? name : name.substring(slash + 1);
        }
        return name;
    }
}
