import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test function speaking the Runtime API with java.net.http. The payload chooses the behaviour:
 * {"action":"echo"} (default) echoes, "sleep" waits "ms" and answers its pid, "exit" calls System.exit("code"), "kill" SIGKILLs
 * itself, "alloc" holds "mb" MB, "error" posts /error, "big" answers "bytes" bytes, "env" answers a variable,
 * "pid" answers its pid, "limits" its open files limit, "headers" answers the /next headers, "fork" starts a child that sleeps,
 * "typed" answers "typed" with the Content-Type "type", "steal" reads the Runtime API of process "pid" from its
 * /proc/<pid>/environ, asks it for /next (2 s) and posts a forged /response, and answers what it was told (or why
 * the environ could not be read), "proxy" answers an API Gateway proxy response (201) whose body is the event, "uid"
 * answers `id -u`, "ls" answers how many entries folder "path" holds (or why it could not be listed) after writing a
 * file into it, "spin" starts a thread that spins for ever and answers its pid.
 * INIT=error posts /init/error and exits; INIT=exit exits; INIT_SLEEP_MS sleeps before the first /next.
 */
public class Fn {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String API = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime";
    static final List<byte[]> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        init();
        while (true) {
            HttpResponse<String> next = HTTP.send(
                    HttpRequest.newBuilder(URI.create(API + "/invocation/next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            handle(id, next.body(), next);
        }
    }

    static void init() throws Exception {
        String mode = System.getenv().getOrDefault("INIT", "");
        System.out.println("init " + mode);
        if (mode.equals("error")) {
            post(API + "/init/error", "{\"errorMessage\":\"bad config\",\"errorType\":\"Fn.InitError\"}", "Fn.InitError");
            System.exit(1);
        }
        if (mode.equals("exit")) {
            System.exit(2);
        }
        long sleep = Long.parseLong(System.getenv().getOrDefault("INIT_SLEEP_MS", "0"));
        Thread.sleep(sleep);
    }

    static void handle(String id, String body, HttpResponse<String> next) throws Exception {
        String action = field(body, "action", "echo");
        System.out.println("handling " + action);
        switch (action) {
            case "sleep" -> {
                Thread.sleep(Long.parseLong(field(body, "ms", "0")));
                respond(id, Long.toString(ProcessHandle.current().pid()));
            }
            case "exit" -> System.exit(Integer.parseInt(field(body, "code", "3")));
            case "kill" -> new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            case "alloc" -> {
                int mb = Integer.parseInt(field(body, "mb", "1"));
                for (int i = 0; i < mb; i++) {
                    byte[] block = new byte[1024 * 1024];
                    for (int j = 0; j < block.length; j += 4096) {
                        block[j] = 1;
                    }
                    HELD.add(block);
                }
                respond(id, "\"allocated\"");
            }
            case "error" -> post(API + "/invocation/" + id + "/error",
                    "{\"errorMessage\":\"boom\",\"errorType\":\"Fn.Boom\"}", "Fn.Boom");
            case "big" -> respond(id, "\"" + "x".repeat(Integer.parseInt(field(body, "bytes", "10"))) + "\"");
            case "env" -> respond(id, "\"" + System.getenv(field(body, "name", "PATH")) + "\"");
            case "pid" -> respond(id, Long.toString(ProcessHandle.current().pid()));
            case "spin" -> {
                Thread.ofPlatform().daemon().start(() -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                });
                respond(id, Long.toString(ProcessHandle.current().pid()));
            }
            case "limits" -> respond(id, "\"" + java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits"))
                    .stream().filter(l -> l.startsWith("Max open files")).findFirst().orElse("").replaceAll("\\s+", " ") + "\"");
            case "headers" -> respond(id, "\"" + next.headers().map().toString().replace("\"", "'") + "\"");
            case "fork" -> {
                Process child = new ProcessBuilder("sleep", "600").start();
                respond(id, Long.toString(child.pid()));
            }
            case "typed" -> {
                HttpRequest typed = HttpRequest.newBuilder(URI.create(API + "/invocation/" + id + "/response"))
                        .header("Content-Type", field(body, "type", "text/plain"))
                        .POST(HttpRequest.BodyPublishers.ofString("typed"))
                        .build();
                HTTP.send(typed, HttpResponse.BodyHandlers.ofString());
            }
            case "uid" -> respond(id, "\"" + new String(new ProcessBuilder("id", "-u").start().getInputStream()
                    .readAllBytes()).strip() + "\"");
            case "ls" -> respond(id, "\"" + list(field(body, "path", "/")).replace("\"", "'") + "\"");
            case "steal" -> respond(id, "\"" + steal(field(body, "pid", "0")).replace("\"", "'") + "\"");
            case "proxy" -> respond(id, "{\"statusCode\":201,\"headers\":{\"X-Probe\":\"proxy\"},"
                    + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"]},\"body\":" + quote(body) + "}");
            default -> respond(id, body.isEmpty() ? "{}" : body);
        }
    }

    static String list(String path) {
        java.nio.file.Path dir = java.nio.file.Path.of(path);
        try (var entries = java.nio.file.Files.list(dir)) {
            long count = entries.count();
            java.nio.file.Files.writeString(dir.resolve("written-" + ProcessHandle.current().pid()), "x");
            return count + " entries";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    static String steal(String pid) throws Exception {
        String environ;
        try {
            environ = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/environ")));
        } catch (java.io.IOException e) {
            return "environ " + e;
        }
        String api = java.util.Arrays.stream(environ.split("\0"))
                .filter(v -> v.startsWith("AWS_LAMBDA_RUNTIME_API="))
                .findFirst().orElseThrow().substring("AWS_LAMBDA_RUNTIME_API=".length());
        String base = "http://" + api + "/2018-06-01/runtime/invocation/";
        String stolenId = "never-handed-out";
        String next;
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "next"))
                    .timeout(java.time.Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            stolenId = r.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElse(stolenId);
            next = r.statusCode() + " " + r.body();
        } catch (java.net.http.HttpTimeoutException e) {
            next = "timeout";
        }
        HttpResponse<String> forged = post(base + stolenId + "/response", "\"forged\"", null);
        return "next " + next + " | response " + forged.statusCode() + " " + forged.body();
    }

    static void respond(String id, String json) throws Exception {
        HttpResponse<String> r = post(API + "/invocation/" + id + "/response", json, null);
        if (r.statusCode() != 202) {
            System.out.println("response status " + r.statusCode() + " " + r.body());
        }
    }

    static HttpResponse<String> post(String url, String json, String errorType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (errorType != null) {
            b.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String field(String json, String name, String otherwise) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(json);
        return m.find() ? m.group(1) : otherwise;
    }
}
