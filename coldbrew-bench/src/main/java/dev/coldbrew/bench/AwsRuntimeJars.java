package dev.coldbrew.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars of AWS's Java runtime interface client, for the local Lambda's {@code java25} kind (the {@code aws-java}
 * baseline): found on the bench's own classpath, where Maven put the client and its runtime dependencies.
 */
public final class AwsRuntimeJars {
    /** One class from each jar the client needs at run time. */
    private static final List<String> MARKERS = List.of(
            "com/amazonaws/services/lambda/runtime/api/client/AWSLambda.class",
            "com/amazonaws/services/lambda/runtime/serialization/PojoSerializer.class",
            "com/amazonaws/services/lambda/runtime/Context.class",
            "software/amazon/awssdk/utilslite/SdkInternalThreadLocal.class");

    private AwsRuntimeJars() {}

    /**
     * @throws IllegalStateException naming the missing class when the client is not on the classpath
     */
    public static List<Path> locate() {
        List<Path> jars = new ArrayList<>();
        for (String marker : MARKERS) {
            URL url = AwsRuntimeJars.class.getClassLoader().getResource(marker);
            if (url == null || !"jar".equals(url.getProtocol())) {
                throw new IllegalStateException("AWS's runtime interface client is not on the bench's classpath: "
                        + marker + " was " + (url == null ? "not found" : "found outside a jar at " + url));
            }
            String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
            try {
                jars.add(Path.of(new URI(file)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("reading the jar path of " + marker + " from " + url + " failed", e);
            }
        }
        return jars;
    }
}
