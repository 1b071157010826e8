package dev.coldbrew.pack.layout;

import java.util.Locale;
import java.util.Map;

/**
 * An AWS SAM {@code template.yaml} for one packaged function: {@code sam deploy} uploads the zip beside it, and
 * coldbrew's local Lambda runs the same zip from it.
 *
 * @param logicalId the resource name (letters and digits, as CloudFormation requires)
 * @param codeUri the zip, relative to the template
 * @param runtime {@code provided.al2023}, {@code java25} or {@code java21}
 * @param handler {@code Handler}
 * @param memoryMb {@code MemorySize}
 * @param timeoutSeconds {@code Timeout}
 * @param architecture {@code x86_64} or {@code arm64}
 * @param variables the function's environment variables
 */
public record SamTemplate(
        String logicalId,
        String codeUri,
        String runtime,
        String handler,
        int memoryMb,
        int timeoutSeconds,
        String architecture,
        Map<String, String> variables) {

    public static final String FILE_NAME = "template.yaml";

    public SamTemplate {
        variables = Map.copyOf(variables);
    }

    /** {@code hello-world_fn} → {@code HelloWorldFn}. */
    public static String logicalIdOf(String functionName) {
        StringBuilder id = new StringBuilder();
        boolean upper = true;
        for (char c : functionName.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return id.isEmpty() ? "Function" : id.toString();
    }

    /** Lambda's name for the architecture this JVM runs on. */
    public static String hostArchitecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default ->
                throw new IllegalStateException(
                        "this machine's architecture '" + arch + "' is neither x86_64 nor arm64, Lambda's two");
        };
    }

    /** The template text. */
    public String render() {
        StringBuilder y = new StringBuilder()
                .append("AWSTemplateFormatVersion: '2010-09-09'\n")
                .append("Transform: AWS::Serverless-2016-10-31\n")
                .append("Description: ")
                .append(quote(logicalId + " packaged by coldbrew for " + runtime + " on " + architecture))
                .append("\n")
                .append("Resources:\n")
                .append("  ")
                .append(logicalId)
                .append(":\n")
                .append("    Type: AWS::Serverless::Function\n")
                .append("    Properties:\n")
                .append("      CodeUri: ")
                .append(quote(codeUri))
                .append("\n")
                .append("      Runtime: ")
                .append(runtime)
                .append("\n")
                .append("      Handler: ")
                .append(quote(handler))
                .append("\n")
                .append("      MemorySize: ")
                .append(memoryMb)
                .append("\n")
                .append("      Timeout: ")
                .append(timeoutSeconds)
                .append("\n")
                .append("      Architectures:\n")
                .append("        - ")
                .append(architecture)
                .append("\n");
        if (!variables.isEmpty()) {
            y.append("      Environment:\n        Variables:\n");
            variables.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> y.append("          ")
                            .append(e.getKey())
                            .append(": ")
                            .append(quote(e.getValue()))
                            .append("\n"));
        }
        return y.toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
