package dev.coldbrew.cli.local;

import dev.coldbrew.cli.ExitCode;
import dev.coldbrew.cli.Flags;
import dev.coldbrew.local.HttpInvokeServer;
import dev.coldbrew.local.function.Tenancy;
import dev.coldbrew.local.invokeapi.InvokeRequest;
import dev.coldbrew.local.invokeapi.InvokeWire;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

/**
 * {@code coldbrew invoke NAME --payload JSON}: calls a function through the Invoke API of a running
 * {@code coldbrew local} (or any Lambda-compatible endpoint) and prints the response.
 */
public final class InvokeCommand {
    private InvokeCommand() {}

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:" + HttpInvokeServer.DEFAULT_PORT;

    public static final String USAGE = """
            Usage: coldbrew invoke NAME [--payload JSON | --payload @FILE] [options]

            Invokes a function through the Invoke API and prints its response on standard output.

            Options:
              --payload JSON|@FILE     the event (default {})
              --endpoint URL           Invoke API endpoint (default %s)
              --log-type Tail|None     Tail prints the last 4 KB of the invocation's log on standard error
              --invocation-type TYPE   RequestResponse (default), Event or DryRun
              --qualifier Q            version or alias ($LATEST locally)
              --tenant-id ID           the tenant of a function with tenant isolation (X-Amz-Tenant-Id)
              --help                   this text

            Exit status: 0 on success, 1 on a function or service error, 2 on a bad command line.
            """.formatted(DEFAULT_ENDPOINT);

    private static final Set<String> INVOCATION_TYPES = Set.of("RequestResponse", "Event", "DryRun");

    record Arguments(
            String name, byte[] payload, URI endpoint, boolean tail, String type, String qualifier, String tenantId) {}

    public static ExitCode run(PrintStream out, PrintStream err, String... args) {
        if (Flags.wantsHelp(args)) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        Arguments parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("coldbrew invoke: " + e.getMessage());
            err.print(USAGE);
            return ExitCode.USAGE;
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(request(parsed), HttpResponse.BodyHandlers.ofByteArray());
            return report(out, err, parsed, response);
        } catch (ConnectException e) {
            err.println("coldbrew invoke: cannot reach the Invoke API at " + parsed.endpoint()
                    + " (connection refused): is `coldbrew local` running?");
            return ExitCode.FAILURE;
        } catch (IOException e) {
            err.println("coldbrew invoke: POST " + parsed.endpoint() + " failed: " + e);
            return ExitCode.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILURE;
        }
    }

    private static HttpRequest request(Arguments a) {
        String path = InvokeWire.invocationsPath(a.name())
                + (a.qualifier() == null
                        ? ""
                        : "?Qualifier=" + URLEncoder.encode(a.qualifier(), StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(a.endpoint().resolve(path));
        if (a.tenantId() != null) {
            request.header(Tenancy.HEADER_TENANT_ID, a.tenantId());
        }
        return request.header(InvokeRequest.HEADER_INVOCATION_TYPE, a.type())
                .header(InvokeRequest.HEADER_LOG_TYPE, a.tail() ? "Tail" : "None")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(a.payload()))
                .build();
    }

    private static ExitCode report(PrintStream out, PrintStream err, Arguments a, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status >= 300) {
            String type = response.headers().firstValue("x-amzn-ErrorType").orElse("HTTP " + status);
            err.println("coldbrew invoke " + a.name() + ": HTTP " + status + " " + type + ": " + body);
            return ExitCode.FAILURE;
        }
        response.headers()
                .firstValue(InvokeWire.HEADER_LOG_RESULT)
                .ifPresent(log -> err.print(new String(Base64.getDecoder().decode(log), StandardCharsets.UTF_8)));
        if (!body.isEmpty()) {
            out.println(body);
        }
        var functionError = response.headers().firstValue(InvokeWire.HEADER_FUNCTION_ERROR);
        if (functionError.isPresent()) {
            err.println("coldbrew invoke " + a.name() + ": function error (" + functionError.get() + ")");
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    static Arguments parse(String... args) {
        String name = null;
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
        URI endpoint = URI.create(DEFAULT_ENDPOINT);
        boolean tail = false;
        String type = "RequestResponse";
        String qualifier = null;
        String tenantId = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--payload" -> payload = payload(Flags.value(args, ++i, arg));
                case "--endpoint" -> endpoint = endpoint(Flags.value(args, ++i, arg));
                case "--log-type" -> tail = logType(Flags.value(args, ++i, arg));
                case "--invocation-type" -> type = invocationType(Flags.value(args, ++i, arg));
                case "--qualifier" -> qualifier = Flags.value(args, ++i, arg);
                case "--tenant-id" -> tenantId = tenantId(Flags.value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || name != null) {
                        throw new IllegalArgumentException("unknown argument '" + arg + "'");
                    }
                    name = arg;
                }
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("missing function NAME");
        }
        return new Arguments(name, payload, endpoint, tail, type, qualifier, tenantId);
    }

    private static String tenantId(String value) {
        String invalid = Tenancy.invalidTenantId(value);
        if (invalid != null) {
            throw new IllegalArgumentException("--tenant-id: " + invalid);
        }
        return value;
    }

    private static byte[] payload(String value) {
        if (!value.startsWith("@")) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(value.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--payload " + value + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static URI endpoint(String value) {
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint '" + value + "' is not an http(s) URL");
        }
    }

    private static boolean logType(String value) {
        return switch (value) {
            case "Tail" -> true;
            case "None" -> false;
            default -> throw new IllegalArgumentException("--log-type '" + value + "': use Tail or None");
        };
    }

    private static String invocationType(String value) {
        if (!INVOCATION_TYPES.contains(value)) {
            throw new IllegalArgumentException(
                    "--invocation-type '" + value + "': use RequestResponse, Event or DryRun");
        }
        return value;
    }
}
