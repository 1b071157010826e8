package dev.coldbrew.runtime.testing;

import dev.coldbrew.runtime.api.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The native-image reachability metadata a jar ships
 * ({@code META-INF/native-image/<groupId>/<artifactId>/reachability-metadata.json}), read for tests: every module
 * that ships some checks with {@link #assertEveryTypeExists()} that its entries name classes that exist, so a
 * rename cannot leave the image builder a stale name.
 */
public final class ReachabilityMetadata {
    private final String resource;
    private final Map<String, Object> json;
    private final ClassLoader loader;

    private ReachabilityMetadata(String resource, Map<String, Object> json, ClassLoader loader) {
        this.resource = resource;
        this.json = json;
        this.loader = loader;
    }

    /**
     * Reads the metadata of {@code groupId:artifactId} from {@code loader}.
     *
     * @throws IOException when it cannot be read
     * @throws AssertionError naming the resource when it is missing
     */
    public static ReachabilityMetadata of(String groupId, String artifactId, ClassLoader loader) throws IOException {
        String resource = "META-INF/native-image/" + groupId + "/" + artifactId + "/reachability-metadata.json";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the class path");
            }
            return new ReachabilityMetadata(
                    resource, JsonReader.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)), loader);
        }
    }

    /** The entries of {@code section} ({@code reflection}, {@code jni}, {@code resources}); empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> entries(String section) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object entry : (List<Object>) json.getOrDefault(section, List.of())) {
            entries.add((Map<String, Object>) entry);
        }
        return entries;
    }

    /**
     * Checks that every entry's {@code type} and {@code condition.typeReached} name a class {@code loader} finds.
     *
     * @throws AssertionError naming the resource, the section and the class otherwise
     */
    @SuppressWarnings("unchecked")
    public void assertEveryTypeExists() {
        for (String section : List.of("reflection", "jni", "resources")) {
            for (Map<String, Object> entry : entries(section)) {
                requireClass(section, (String) entry.get("type"));
                Object condition = entry.get("condition");
                if (condition != null) {
                    requireClass(section, (String) ((Map<String, Object>) condition).get("typeReached"));
                }
            }
        }
    }

    private void requireClass(String section, String name) {
        if (name == null) {
            return;
        }
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(
                    resource + ": " + section + " names " + name + ", which is not on the class path", e);
        }
    }
}
