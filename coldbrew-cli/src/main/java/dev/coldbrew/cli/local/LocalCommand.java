package dev.coldbrew.cli.local;

import dev.coldbrew.cli.ExitCode;
import dev.coldbrew.cli.Flags;
import dev.coldbrew.local.HttpInvokeServer;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.apigateway.ApiGatewayServer;
import dev.coldbrew.local.apigateway.ApiRoute;
import dev.coldbrew.local.config.FunctionFlag;
import dev.coldbrew.local.config.SamTemplate;
import dev.coldbrew.local.environment.InitCpu;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.invokeapi.InvokeWire;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code coldbrew local}: serves functions from a SAM template or {@code --function} flags on the Invoke API
 * until the process is stopped (Ctrl-C), then kills every environment and removes every cgroup.
 */
public final class LocalCommand {
    private LocalCommand() {}

    public static final String USAGE = """
            Usage: coldbrew local [--template template.yaml] [--function SPEC]... [options]

            Runs Lambda functions locally with Lambda's lifecycle, limits and REPORT lines, and serves the
            Invoke API (AWS SDKs, AWS CLI, curl, coldbrew invoke).

            Functions (at least one):
              --template FILE        AWS SAM template: every AWS::Serverless::Function in it
              --parameter-overrides 'NAME=VALUE ...'
                                     values of the template's Parameters (else their Default)
              --function SPEC        name=NAME,code=DIR|ZIP|JAR,runtime=RUNTIME[,handler=H][,memory=MB]
                                     [,timeout=SECONDS][,concurrency=N][,tenancy=per-tenant]
                                     [,max-concurrency=N][,env.KEY=VALUE]...
                                     runtimes: %s
                                     max-concurrency: Lambda Managed Instances, up to N (1-1600) invocations
                                     at once per environment (java21, java25, coldbrew, provided.al2023)
            Options:
              --port N               Invoke API port (default 9000)
              --api-port N           port of the template's Api/HttpApi routes (default 3000)
              --host ADDRESS         bind address (default 127.0.0.1; other addresses expose the API)
              --idle-expiry SECONDS  stop environments idle this long (default 600)
              --aws-runtime-classpath JARS
                                     AWS runtime interface client jars (java17/21/25), separated by ':'
              --no-limits            do not use cgroups (no memory, CPU or pids limits)
              --no-freeze            do not freeze environments between invokes
              --same-user            as root too, run environments as the current user (by default root runs
                                     each environment as a user of its own)
              --freeze-delay MS      freeze an environment after it is idle this long (default 20; 0 = at once)
              --init-cpu MODE        CPU of the Init phase: lambda (default: Lambda's vCPUs, 2 up to 3,008 MB),
                                     invoke (throttled like the invoke: memory / 1,769 MB), or a number of vCPUs
              --help                 this text

            Example:
              coldbrew local --function name=hello,code=build/hello,runtime=provided.al2023
              curl -d '{}' http://127.0.0.1:9000%s
            """.formatted(RuntimeKind.ids(), InvokeWire.invocationsPath("hello"));

    /** Parsed command line. */
    record Arguments(
            List<FunctionConfig> functions,
            List<ApiRoute> apiRoutes,
            List<String> ignoredEvents,
            InetSocketAddress address,
            InetSocketAddress apiAddress,
            LocalOptions options) {
        Arguments {
            functions = List.copyOf(functions);
            apiRoutes = List.copyOf(apiRoutes);
            ignoredEvents = List.copyOf(ignoredEvents);
        }
    }

    public static ExitCode run(PrintStream out, PrintStream err, String... args) {
        if (Flags.wantsHelp(args)) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        Arguments parsed;
        try {
            parsed = parse(out, args);
        } catch (IllegalArgumentException e) {
            err.println("coldbrew local: " + e.getMessage());
            err.print(USAGE);
            return ExitCode.USAGE;
        }
        Running running;
        try {
            running = start(out, parsed);
        } catch (RuntimeException e) {
            err.println("coldbrew local: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.close();
        }
        return ExitCode.OK;
    }

    /** A started local Lambda, its Invoke API and the API of the template's Api events ({@code null} if none). */
    public record Running(LocalLambda lambda, HttpInvokeServer server, ApiGatewayServer api) implements AutoCloseable {
        @Override
        public void close() {
            if (api != null) {
                api.close();
            }
            lambda.close();
        }
    }

    /** For a Lambda Managed Instances function, its concurrency per environment and capacity provider. */
    private static String managedInstances(FunctionConfig f) {
        if (!f.managed()) {
            return "";
        }
        return "  (Managed Instances: up to " + f.environmentConcurrency() + " invocations per environment, capacity"
                + " provider " + f.managedInstances().capacityProviderArn() + ")";
    }

    /** Starts serving; the caller closes the result. */
    static Running start(PrintStream out, Arguments args) {
        LocalLambda lambda = LocalLambda.create(args.options());
        try {
            args.functions().forEach(lambda::register);
            HttpInvokeServer server = lambda.serve(args.address());
            out.println("coldbrew local: Invoke API on " + server.endpoint()
                    + (lambda.limitsEnforced() ? " (cgroup limits enforced)" : ""));
            for (FunctionConfig f : args.functions()) {
                out.printf(
                        "  %-24s %-16s %5d MB %4d s  %s%s%n",
                        f.name(),
                        f.runtime().id(),
                        f.memoryMb(),
                        f.timeout().toSeconds(),
                        server.endpoint() + InvokeWire.invocationsPath(f.name()),
                        managedInstances(f));
            }
            ApiGatewayServer api = args.apiRoutes().isEmpty() ? null : serveApi(out, lambda, args);
            if (!args.ignoredEvents().isEmpty()) {
                out.println("coldbrew local: events are not delivered here, invoke the functions on the Invoke API;"
                        + " ignored: " + String.join(", ", args.ignoredEvents()));
            }
            return new Running(lambda, server, api);
        } catch (RuntimeException e) {
            lambda.close();
            throw e;
        }
    }

    private static ApiGatewayServer serveApi(PrintStream out, LocalLambda lambda, Arguments args) {
        ApiGatewayServer api;
        try {
            api = ApiGatewayServer.start(lambda, args.apiRoutes(), args.apiAddress(), out::println);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "serve the template's API routes on " + args.apiAddress() + " failed: " + e.getMessage()
                            + " (choose another port with --api-port)",
                    e);
        }
        out.println("coldbrew local: API on " + api.endpoint() + " (the template's Api and HttpApi events)");
        for (ApiRoute route : api.routes()) {
            out.printf(
                    "  %-32s -> %-24s payload %s (%s)%n",
                    route.routeKey(), route.functionName(), route.format().version(), route.source());
        }
        return api;
    }

    static Arguments parse(PrintStream out, String... args) {
        List<FunctionConfig> functions = new ArrayList<>();
        List<Path> templates = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        String host = "127.0.0.1";
        int port = HttpInvokeServer.DEFAULT_PORT;
        int apiPort = ApiGatewayServer.DEFAULT_PORT;
        LocalOptions.Builder options = LocalOptions.builder().logSink(out::println);
        Path cwd = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--template" -> templates.add(existing(value(args, ++i, flag)));
                case "--parameter-overrides" -> overrides.putAll(overrides(value(args, ++i, flag)));
                case "--function" -> functions.add(FunctionFlag.parse(value(args, ++i, flag), cwd));
                case "--port" -> port = Flags.intIn(flag, value(args, ++i, flag), 0, 65535);
                case "--api-port" -> apiPort = Flags.intIn(flag, value(args, ++i, flag), 0, 65535);
                case "--host" -> host = value(args, ++i, flag);
                case "--idle-expiry" ->
                    options.idleExpiry(
                            Duration.ofSeconds(Flags.intIn(flag, value(args, ++i, flag), 1, Integer.MAX_VALUE)));
                case "--aws-runtime-classpath" ->
                    options.awsRuntimeClasspath(
                            Arrays.stream(value(args, ++i, flag).split(File.pathSeparator))
                                    .map(Path::of)
                                    .toList());
                case "--no-limits" -> options.enforceLimits(false);
                case "--no-freeze" -> options.freezeBetweenInvokes(false);
                case "--same-user" -> options.sameUser(true);
                case "--freeze-delay" ->
                    options.freezeDelay(Duration.ofMillis(Flags.intIn(flag, value(args, ++i, flag), 0, 60_000)));
                case "--init-cpu" -> options.initCpu(InitCpu.parse(value(args, ++i, flag)));
                default -> throw new IllegalArgumentException("unknown argument '" + flag + "'");
            }
        }
        if (!overrides.isEmpty() && templates.isEmpty()) {
            throw new IllegalArgumentException("--parameter-overrides needs a --template");
        }
        LocalOptions built = options.build();
        List<ApiRoute> apiRoutes = new ArrayList<>();
        List<String> ignoredEvents = new ArrayList<>();
        for (Path template : templates) {
            SamTemplate.Template read =
                    SamTemplate.read(template, declaredBy(template, overrides, templates), built.region());
            functions.addAll(read.functions());
            apiRoutes.addAll(read.apiRoutes());
            ignoredEvents.addAll(read.ignoredEvents());
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("no functions: give --template or --function");
        }
        InetAddress bind = address(host);
        return new Arguments(
                functions,
                apiRoutes,
                ignoredEvents,
                new InetSocketAddress(bind, port),
                new InetSocketAddress(bind, apiPort),
                built);
    }

    /**
     * The overrides {@code template} declares a parameter for; with several templates an override need only be
     * declared by one of them, with one it must be declared by it ({@link SamTemplate#read} says so).
     */
    private static Map<String, String> declaredBy(Path template, Map<String, String> overrides, List<Path> templates) {
        if (templates.size() == 1) {
            return overrides;
        }
        Set<String> everywhere = new HashSet<>();
        templates.forEach(t -> everywhere.addAll(SamTemplate.parameterNames(t)));
        for (String name : overrides.keySet()) {
            if (!everywhere.contains(name)) {
                throw new IllegalArgumentException("parameter override " + name + ": no template declares it");
            }
        }
        List<String> declared = SamTemplate.parameterNames(template);
        Map<String, String> out = new LinkedHashMap<>(overrides);
        out.keySet().retainAll(declared);
        return out;
    }

    /**
     * {@code Name=Value} pairs separated by spaces, or {@code ParameterKey=Name,ParameterValue=Value} as
     * {@code sam --parameter-overrides} also takes them.
     */
    static Map<String, String> overrides(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : value.trim().split("\\s+")) {
            Matcher keyed = LONG_OVERRIDE.matcher(pair);
            int eq = pair.indexOf('=');
            if (keyed.matches()) {
                out.put(keyed.group(1), keyed.group(2));
            } else if (eq > 0) {
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else {
                throw new IllegalArgumentException("--parameter-overrides: '" + pair + "' is not NAME=VALUE");
            }
        }
        return out;
    }

    private static final Pattern LONG_OVERRIDE = Pattern.compile("ParameterKey=([^,]+),ParameterValue=(.*)");

    private static Path existing(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--template " + file + ": no such file");
        }
        return path;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": unknown host");
        }
    }

    private static String value(String[] args, int i, String flag) {
        return Flags.value(args, i, flag);
    }
}
