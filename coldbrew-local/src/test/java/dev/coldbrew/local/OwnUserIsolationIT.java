package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.isolation.EnvironmentUsers;
import dev.coldbrew.local.testing.AwsJavaRuntime;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation between environments, guarantee B (a local Lambda running as root): each environment runs as a user of
 * its own, so a function can neither read another environment's {@code /proc/<pid>/environ} nor its {@code TMPDIR};
 * a function whose code other users cannot read runs as the current user and the local Lambda says why.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@EnabledIf(value = "ownUsersAvailable", disabledReason = "needs root and setpriv")
class OwnUserIsolationIT {

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private LocalLambda lambda;

    static boolean ownUsersAvailable() {
        return EnvironmentUsers.detect(false).available();
    }

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    private void start(boolean sameUser, boolean ownUsers, String... names) {
        lambda = LocalLambda.create(
                LocalOptions.builder().logSink(lines::add).sameUser(sameUser).build());
        for (String name : names) {
            FunctionConfig probe = TestFunctions.probe(dir.resolve(name), name);
            lambda.register(probe);
            assertThat(lambda.runsAsOwnUsers(name)).as(lines.toString()).isEqualTo(ownUsers);
        }
    }

    /** The test's folder as any folder of a user's code: others may enter and read it (JUnit makes it 700). */
    private void readableByAll() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String invoke(String name, String payload) {
        InvocationResult result = lambda.invoke(name, payload.getBytes(StandardCharsets.UTF_8));
        assertThat(result.functionError()).as(result.log()).isNull();
        return result.payloadText();
    }

    private int uid(String name) {
        return Integer.parseInt(invoke(name, "{\"action\":\"uid\"}").replace("\"", ""));
    }

    @Test
    void aFunctionCannotReadAnotherEnvironmentsEnviron() throws IOException {
        readableByAll();
        start(false, true, "victim", "thief");
        String victimPid = invoke("victim", "{\"action\":\"pid\"}");

        String theft = invoke("thief", "{\"action\":\"steal\",\"pid\":\"" + victimPid + "\"}");

        assertThat(theft).isEqualTo("\"environ java.nio.file.AccessDeniedException: /proc/" + victimPid + "/environ\"");
        assertThat(invoke("victim", "{\"action\":\"echo\",\"real\":1}")).isEqualTo("{\"action\":\"echo\",\"real\":1}");
        assertThat(lines).noneMatch(line -> line.contains("runs as the current user"));
    }

    @Test
    void eachEnvironmentRunsAsAUserOfItsOwn() throws IOException {
        readableByAll();
        start(false, true, "a", "b");

        int a = uid("a");
        int b = uid("b");
        lambda.stopEnvironments("a");
        int aAgain = uid("a");

        assertThat(List.of(a, b, aAgain))
                .allSatisfy(uid -> assertThat(uid)
                        .isBetween(EnvironmentUsers.FIRST_ID, EnvironmentUsers.FIRST_ID + EnvironmentUsers.ID_COUNT))
                .doesNotHaveDuplicates();
        assertThat(lambda.runsAsOwnUsers("a")).isTrue();
    }

    @Test
    void tmpdirIsPrivateToItsEnvironmentAndRemovedWithIt() throws IOException {
        readableByAll();
        start(false, true, "a", "b");
        Path tmp =
                Path.of(invoke("a", "{\"action\":\"env\",\"name\":\"TMPDIR\"}").replace("\"", ""));
        int owner = uid("a");

        String own = invoke("a", "{\"action\":\"ls\",\"path\":\"" + tmp + "\"}");
        String other = invoke("b", "{\"action\":\"ls\",\"path\":\"" + tmp + "\"}");
        String home = invoke("a", "{\"action\":\"env\",\"name\":\"HOME\"}").replace("\"", "");

        assertThat(own).isEqualTo("\"0 entries\"");
        assertThat(other).isEqualTo("\"java.nio.file.AccessDeniedException: " + tmp + "\"");
        assertThat(tmp.getParent()).isEqualTo(Path.of(home));
        assertThat(Files.getAttribute(tmp, "unix:uid")).isEqualTo(owner);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.getParent())))
                .isEqualTo("rwx------");
        lambda.close();
        lambda = null;
        assertThat(tmp.getParent()).doesNotExist();
    }

    @Test
    void awsRuntimeClientRunsAsAUserOfItsOwnWhenItsJarsAreReadable() throws IOException {
        readableByAll();
        Path jars = Files.createDirectories(dir.resolve("ric"));
        List<Path> classpath = new java.util.ArrayList<>();
        for (Path jar : AwsJavaRuntime.classpath()) {
            classpath.add(Files.copy(jar, jars.resolve(jar.getFileName())));
        }
        lambda = LocalLambda.create(LocalOptions.builder()
                .logSink(lines::add)
                .awsRuntimeClasspath(classpath)
                .build());
        Path code = TestFunctions.awsCoreHandler(dir.resolve("hello"));
        lambda.register(FunctionConfig.of("hello", code, RuntimeKind.JAVA25, "Hello::handleRequest")
                .withMemoryMb(TestFunctions.MEMORY_MB));

        assertThat(lambda.runsAsOwnUsers("hello")).as(lines.toString()).isTrue();
        assertThat(invoke("hello", "{\"name\":\"coldbrew\"}")).contains("\"hello\":\"coldbrew\"");
    }

    @Test
    void theHomeOfAnEnvironmentThatCannotStartIsRemoved() throws IOException {
        readableByAll();
        start(false, true, "broken");
        Files.delete(dir.resolve("broken/bootstrap"));

        InvocationResult result = lambda.invoke("broken", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.payloadText()).contains("Runtime.InvalidEntrypoint");
        try (var homes = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(homes.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("coldbrew-user-broken-"));
        }
    }

    @Test
    void aFunctionWhoseCodeOtherUsersCannotReadRunsAsTheCurrentUserAndSaysWhy() {
        start(false, false, "private");

        assertThat(uid("private")).isZero();
        assertThat(lambda.runsAsOwnUsers("private")).isFalse();
        assertThat(lines)
                .contains("coldbrew local: function private runs as the current user, not as users of its own: "
                        + dir + " cannot be entered by other users (rwx------); its environments can read each"
                        + " other's and other functions' /proc/<pid>/environ");
    }

    @Test
    void sameUserRunsEveryEnvironmentAsTheCurrentUser() throws IOException {
        readableByAll();
        start(true, false, "a");

        assertThat(uid("a")).isZero();
        assertThat(lambda.runsAsOwnUsers("a")).isFalse();
        assertThat(lines).noneMatch(line -> line.contains("current user"));
    }
}
