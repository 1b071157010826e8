package dev.coldbrew.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.cli.ExitCode;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code coldbrew local} and {@code coldbrew invoke} entry points, run as the CLI runs them. */
class CommandsIT {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void invokeCallsARunningLocalLambdaStartedFromATemplate() throws IOException {
        TestFunctions.probe(dir.resolve("probe"), "unused");
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Echo:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: provided.al2023
                      CodeUri: probe
                      MemorySize: 1769
                      Environment:
                        Variables:
                          JAVA: %s
                """.formatted(TestFunctions.JAVA));
        var args = LocalCommand.parse(print(out), "--template", template.toString(), "--port", "0");
        try (LocalCommand.Running local = LocalCommand.start(print(out), args)) {
            String endpoint = local.server().endpoint();

            ExitCode ok = InvokeCommand.run(
                    print(out),
                    print(err),
                    "Echo",
                    "--payload",
                    "{\"a\":1}",
                    "--endpoint",
                    endpoint,
                    "--log-type",
                    "Tail");
            assertThat(ok).isEqualTo(ExitCode.OK);
            assertThat(out.toString()).contains("Invoke API on " + endpoint).contains("{\"a\":1}");
            assertThat(err.toString()).contains("START RequestId: ").contains("REPORT RequestId: ");

            err.reset();
            ExitCode failed = InvokeCommand.run(
                    print(out), print(err), "Echo", "--payload", "{\"action\":\"error\"}", "--endpoint", endpoint);
            assertThat(failed).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString()).contains("coldbrew invoke Echo: function error (Unhandled)");

            err.reset();
            ExitCode missing = InvokeCommand.run(print(out), print(err), "Nope", "--endpoint", endpoint);
            assertThat(missing).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString()).contains("HTTP 404 ResourceNotFoundException");
        }
    }

    @Test
    void parameterOverridesResolveRefsApiEventsAreServedAndOthersAreSaidOnceAtStartUp() throws IOException {
        Files.createDirectories(dir.resolve("code"));
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Parameters:
                  Memory: { Type: Number }
                  Stage: { Type: String, Default: dev }
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: provided.al2023
                      CodeUri: code
                      MemorySize: !Ref Memory
                      Environment: { Variables: { STAGE: !Ref Stage } }
                      Events:
                        Hello: { Type: Api, Properties: { Path: /hello, Method: get } }
                        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
                """);

        var args = LocalCommand.parse(
                print(out),
                "--parameter-overrides",
                "Memory=256 Stage=prod",
                "--template",
                template.toString(),
                "--port",
                "0",
                "--api-port",
                "0");
        assertThat(args.functions().getFirst().memoryMb()).isEqualTo(256);
        assertThat(args.functions().getFirst().environment()).containsEntry("STAGE", "prod");
        try (LocalCommand.Running local = LocalCommand.start(print(out), args)) {
            assertThat(out.toString())
                    .contains("Invoke API on " + local.server().endpoint())
                    .contains("coldbrew local: API on " + local.api().endpoint()
                            + " (the template's Api and HttpApi events)")
                    .containsPattern("\n  GET /hello +-> Api +payload 1.0 \\(Api.Events.Hello\\)\n")
                    .containsOnlyOnce("coldbrew local: events are not delivered here, invoke the functions on the"
                            + " Invoke API; ignored: Api.Events.Nightly (Schedule)");
        }
        assertThat(LocalCommand.overrides("ParameterKey=Memory,ParameterValue=512"))
                .containsEntry("Memory", "512");

        Files.createDirectories(dir.resolve("other"));
        Path other = Files.writeString(dir.resolve("other/template.yaml"), """
                Parameters:
                  Table: { Type: String }
                Resources:
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: provided.al2023
                      CodeUri: .
                      Environment: { Variables: { TABLE: !Ref Table } }
                """);
        var both = LocalCommand.parse(
                print(out),
                "--template",
                template.toString(),
                "--template",
                other.toString(),
                "--parameter-overrides",
                "Memory=512 Table=t1");
        assertThat(both.functions())
                .extracting(f -> f.name() + " " + f.memoryMb() + " " + f.environment())
                .containsExactly("Api 512 {STAGE=dev}", "Other 128 {TABLE=t1}");
        assertThat(LocalCommand.run(
                        print(out),
                        print(err),
                        "--template",
                        template.toString(),
                        "--template",
                        other.toString(),
                        "--parameter-overrides",
                        "Memory=512 Table=t1 Tabel=t2"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("parameter override Tabel: no template declares it");
        err.reset();

        assertThat(LocalCommand.run(print(out), print(err), "--template", template.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString())
                .contains("Resources.Api.Properties.MemorySize '!Ref Memory': parameter Memory has no Default;"
                        + " give it one or pass --parameter-overrides Memory=VALUE");
    }

    @Test
    void invokeSaysWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        ExitCode code = InvokeCommand.run(print(out), print(err), "Echo", "--endpoint", "http://127.0.0.1:" + port);

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString())
                .contains("cannot reach the Invoke API at http://127.0.0.1:" + port)
                .contains("is `coldbrew local` running?");
    }

    @Test
    void invokeSendsTheTenantIdOfAPerTenantFunction() throws IOException {
        TestFunctions.probe(dir.resolve("probe"), "unused");
        var args = LocalCommand.parse(
                print(out),
                "--function",
                "name=Tenants,code=" + dir.resolve("probe") + ",runtime=provided.al2023,memory=1769,tenancy=per-tenant,"
                        + "env.JAVA=" + TestFunctions.JAVA,
                "--port",
                "0");
        try (LocalCommand.Running local = LocalCommand.start(print(out), args)) {
            String endpoint = local.server().endpoint();

            ExitCode ok = InvokeCommand.run(
                    print(out),
                    print(err),
                    "Tenants",
                    "--tenant-id",
                    "blue",
                    "--payload",
                    "{\"t\":1}",
                    "--endpoint",
                    endpoint);
            assertThat(ok).as(err.toString()).isEqualTo(ExitCode.OK);
            assertThat(out.toString()).contains("{\"t\":1}");

            err.reset();
            ExitCode missing = InvokeCommand.run(print(out), print(err), "Tenants", "--endpoint", endpoint);
            assertThat(missing).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString())
                    .contains("HTTP 400 InvalidParameterValueException")
                    .contains("PER_TENANT");
        }
        err.reset();
        assertThat(InvokeCommand.run(print(out), print(err), "Tenants", "--tenant-id", "a*b"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--tenant-id: invalid X-Amz-Tenant-Id 'a*b'");
    }

    @Test
    void badCommandLinesExitWith2AndNameTheValue() {
        assertThat(LocalCommand.run(print(out), print(err))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString())
                .contains("no functions: give --template or --function")
                .contains("Usage: coldbrew local");
        err.reset();
        assertThat(LocalCommand.run(print(out), print(err), "--port", "99999", "--function", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--port 99999 is outside 0..65535");
        err.reset();
        assertThat(LocalCommand.run(print(out), print(err), "--template", "missing.yaml"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--template missing.yaml: no such file");
        err.reset();
        assertThat(LocalCommand.run(print(out), print(err), "--init-cpu", "full", "--function", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString())
                .contains("--init-cpu must be lambda, invoke or a number of vCPUs")
                .contains("'full'");
        err.reset();
        assertThat(InvokeCommand.run(print(out), print(err), "--payload", "{}")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("missing function NAME");
        err.reset();
        assertThat(InvokeCommand.run(print(out), print(err), "f", "--log-type", "All"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--log-type 'All': use Tail or None");
    }

    @Test
    void sameUserRunsTheFunctionAsTheCurrentUser() throws IOException {
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        TestFunctions.probe(dir.resolve("probe"), "unused");
        String function = "name=probe,code=" + dir.resolve("probe") + ",runtime=provided.al2023,memory=1769,env.JAVA="
                + TestFunctions.JAVA;

        var args = LocalCommand.parse(print(out), "--function", function, "--same-user", "--port", "0");

        assertThat(args.options().sameUser()).isTrue();
        try (LocalCommand.Running local = LocalCommand.start(print(out), args)) {
            ExitCode ok = InvokeCommand.run(
                    print(out),
                    print(err),
                    "probe",
                    "--payload",
                    "{\"action\":\"uid\"}",
                    "--endpoint",
                    local.server().endpoint());
            assertThat(ok).isEqualTo(ExitCode.OK);
            String uid = String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            assertThat(out.toString()).contains("\"" + uid + "\"");
        }
    }

    @Test
    void helpPrintsUsage() {
        assertThat(LocalCommand.run(print(out), print(err), "--help")).isEqualTo(ExitCode.OK);
        assertThat(InvokeCommand.run(print(out), print(err), "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: coldbrew local").contains("Usage: coldbrew invoke");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
