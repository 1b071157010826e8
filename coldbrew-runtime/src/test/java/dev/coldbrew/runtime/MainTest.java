package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code _HANDLER} resolution, as {@link Main} runs it, against a real fake Runtime API. */
// The runtime under test runs while the try block's body drives the fake Runtime API.
@SuppressWarnings("try")
class MainTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    private final ClassLoader loader = MainTest.class.getClassLoader();

    private InProcessRuntime main(String handler) {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, handler);
        return InProcessRuntime.main(api, env, loader);
    }

    private RuntimeRequest initFailure(String handler, String errorType) throws Exception {
        try (InProcessRuntime runtime = main(handler)) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo(errorType);
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
            assertThat(api.requests()).noneMatch(r -> r.path().equals(RuntimeApi.NEXT_PATH));
            return report;
        }
    }

    @Test
    void runsABytesHandlerClass() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Echo")) {
            String id = api.enqueue("echo me");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("echo me");
        }
    }

    @Test
    void runsAStreamHandlerClassNamedWithItsMethod() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Upper::handle")) {
            String id = api.enqueue("shout");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("SHOUT");
        }
    }

    @Test
    void runsAnUnchangedAwsRequestStreamHandlerWithAnAdaptedContext() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.AwsStream::handleRequest")) {
            String id = api.enqueue(Event.of("body")
                    .withRequestId("aws-1")
                    .withTraceId("Root=1-t")
                    .with(RuntimeApi.HEADER_COGNITO_IDENTITY, "{\"cognitoIdentityId\":\"cid\"}")
                    .with(
                            RuntimeApi.HEADER_CLIENT_CONTEXT,
                            "{\"client\":{\"app_title\":\"App\"},\"custom\":{\"k\":\"v\"}}")
                    .with(RuntimeApi.HEADER_TENANT_ID, "t-1"));
            assertThat(api.awaitResponse(id).bodyAsString())
                    .isEqualTo("aws-1|test-function|$LATEST|512|" + Event.DEFAULT_FUNCTION_ARN
                            + "|/aws/lambda/test-function|cid|App|v|t-1|Root=1-t|true|body");
        }
    }

    @Test
    void runsAnUnchangedAwsRequestHandlerThroughARegisteredCodec() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Greeter")) {
            String id = api.enqueue("Ada");
            RuntimeRequest response = api.awaitResponse(id);
            assertThat(response.bodyAsString()).isEqualTo("Hello, Ada from test-function");
            assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        }
    }

    @Test
    void runsATypedHandlerClassThroughARegisteredCodec() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.TypedGreeter")) {
            String id = api.enqueue("Lin");
            RuntimeRequest response = api.awaitResponse(id);
            assertThat(response.bodyAsString()).isEqualTo("Typed hello, Lin");
            assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        }
    }

    @Test
    void requestHandlerWithoutAnyCodecModuleNamesTheModuleToAdd() throws Exception {
        ClassLoader withoutServices = new ClassLoader(loader) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/")
                        ? Collections.emptyEnumeration()
                        : super.getResources(name);
            }
        };
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, "example.handlers.StringHandler");
        try (InProcessRuntime runtime = InProcessRuntime.main(api, env, withoutServices)) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo("Runtime.BadFunctionCode");
            assertThat(report.errorRequest().errorMessage())
                    .isEqualTo(
                            "adapt handler example.handlers.StringHandler failed: its input type java.lang.String needs"
                                    + " a codec, and no dev.coldbrew.runtime.CodecProvider is on the class path: add"
                                    + " dev.coldbrew:coldbrew-json, or register the handler from main with explicit codecs");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
        }
    }

    @Test
    void requestHandlerTypeNoProviderAcceptsIsAnInitError() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.StringHandler", "Runtime.BadFunctionCode");
        assertThat(report.errorRequest().errorMessage())
                .contains("none of the 1 codec providers on the class path accepts it");
    }

    @Test
    void requestHandlerWithTypeVariablesIsAnInitError() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.GenericHandler", "Runtime.BadFunctionCode");
        assertThat(report.errorRequest().errorMessage()).contains("type argument T is a variable");
    }

    @Test
    void missingHandlerVariableIsAnInitError() throws Exception {
        Map<String, String> env = api.environment();
        try (InProcessRuntime runtime = InProcessRuntime.main(api, env, loader)) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo("Runtime.NoSuchHandler");
            assertThat(report.errorRequest().errorMessage()).startsWith("_HANDLER is not set");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
        }
    }

    @Test
    void malformedHandlerValueIsAnInitErrorNamingIt() throws Exception {
        RuntimeRequest report = initFailure("example..Echo::", "Runtime.NoSuchHandler");
        assertThat(report.errorRequest().errorMessage())
                .isEqualTo("_HANDLER is 'example..Echo::': expected package.Class or package.Class::method");
    }

    @Test
    void unknownClassIsAnInitError() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.Missing", "Runtime.NoSuchHandler");
        assertThat(report.errorRequest().errorMessage())
                .isEqualTo(
                        "load handler example.handlers.Missing failed: class example.handlers.Missing not found on the class path");
        assertThat(report.errorRequest().stackTrace())
                .contains("Caused by: java.lang.ClassNotFoundException: example.handlers.Missing");
    }

    @Test
    void unknownMethodIsAnInitError() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.Echo::nope", "Runtime.NoSuchHandler");
        assertThat(report.errorRequest().errorMessage())
                .endsWith("class example.handlers.Echo has no public method nope with at most 3 parameters");
    }

    @Test
    void throwingConstructorIsAnInitErrorWithItsCause() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.ThrowingConstructor", "Runtime.BadFunctionCode");
        assertThat(report.errorRequest().errorMessage())
                .contains("the constructor threw java.lang.IllegalStateException: no database configured");
        assertThat(report.errorRequest().stackTrace())
                .contains("Caused by: java.lang.IllegalStateException: no database configured")
                .anyMatch(frame -> frame.startsWith("example.handlers.ThrowingConstructor.<init>"));
    }

    @Test
    void classThatIsNoHandlerIsAnInitError() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.NotAHandler", "Runtime.BadFunctionCode");
        assertThat(report.errorRequest().errorMessage())
                .contains("class example.handlers.NotAHandler is not a handler");
    }

    @Test
    void runsAHandlerMethodOnBytesWithColdbrewsContext() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Pojo::bytes")) {
            String id = api.enqueue(Event.of("ev").withRequestId("pojo-1"));
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("pojo-1:ev");
        }
    }

    @Test
    void runsAStreamHandlerMethodWithAwsContext() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Pojo::stream")) {
            String id = api.enqueue(Event.of("ev").withRequestId("pojo-2"));
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("pojo-2:ev");
        }
    }

    @Test
    void runsAStaticPojoMethodThroughACodec() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Pojo::greet")) {
            String id = api.enqueue("Grace");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("Hi Grace");
        }
    }

    @Test
    void voidMethodWithoutParametersSendsAnEmptyResponse() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Pojo::nothing")) {
            String id = api.enqueue("{}");
            assertThat(api.awaitResponse(id).body()).isEmpty();
        }
    }

    @Test
    void exceptionFromAHandlerMethodIsAUserErrorWithTheMethodsFrame() throws Exception {
        try (InProcessRuntime runtime = main("example.handlers.Pojo::fail")) {
            String id = api.enqueue("abc");
            RuntimeRequest report = api.awaitError(id);
            assertThat(report.errorType()).isEqualTo("Runtime.UserException");
            assertThat(report.errorRequest().errorMessage()).isEqualTo("refused 3 bytes");
            assertThat(report.errorRequest().stackTrace().get(0)).startsWith("example.handlers.Pojo.fail(Pojo.java:");
        }
    }

    @Test
    void handlerMethodWithAnUnsupportedSignatureIsAnInitError() throws Exception {
        RuntimeRequest report = initFailure("example.handlers.Pojo::twoInputs", "Runtime.BadFunctionCode");
        assertThat(report.errorRequest().errorMessage()).contains("has an unsupported signature");
    }
}
