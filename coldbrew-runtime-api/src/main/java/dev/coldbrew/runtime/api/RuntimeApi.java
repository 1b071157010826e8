package dev.coldbrew.runtime.api;

/**
 * Every wire constant of the Lambda Runtime API ({@code 2018-06-01}) in one place: paths, header names,
 * reserved environment variables, limits and error types. Shared by the runtime client and the Runtime API
 * server core ({@code coldbrew-runtime-api-server}); no protocol string literal appears anywhere else.
 *
 * <p>Source: the Runtime API reference (docs page runtimes-api.html, OpenAPI {@code runtime-api.yaml}
 * 1.0.3) and the behaviour of AWS's runtime interface emulator.
 */
public final class RuntimeApi {
    private RuntimeApi() {}

    /** The API version, the first path segment of every endpoint. */
    public static final String VERSION = "2018-06-01";

    // ---- paths -------------------------------------------------------------------------------------
    public static final String PATH_PREFIX = "/" + VERSION;
    public static final String NEXT_PATH = PATH_PREFIX + "/runtime/invocation/next";
    public static final String INVOCATION_PREFIX = PATH_PREFIX + "/runtime/invocation/";
    public static final String RESPONSE_SUFFIX = "/response";
    public static final String ERROR_SUFFIX = "/error";
    public static final String INIT_ERROR_PATH = PATH_PREFIX + "/runtime/init/error";
    public static final String RESTORE_NEXT_PATH = PATH_PREFIX + "/runtime/restore/next";
    public static final String RESTORE_ERROR_PATH = PATH_PREFIX + "/runtime/restore/error";

    /** {@code /2018-06-01/runtime/invocation/{id}/response}. */
    public static String responsePath(String requestId) {
        return INVOCATION_PREFIX + requestId + RESPONSE_SUFFIX;
    }

    /** {@code /2018-06-01/runtime/invocation/{id}/error}. */
    public static String errorPath(String requestId) {
        return INVOCATION_PREFIX + requestId + ERROR_SUFFIX;
    }

    // ---- headers on GET /next ---------------------------------------------------------------------
    public static final String HEADER_REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
    public static final String HEADER_DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";
    public static final String HEADER_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
    public static final String HEADER_TRACE_ID = "Lambda-Runtime-Trace-Id";
    public static final String HEADER_CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";
    public static final String HEADER_COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";
    public static final String HEADER_TENANT_ID = "Lambda-Runtime-Aws-Tenant-Id";

    // ---- headers sent by the runtime --------------------------------------------------------------
    public static final String HEADER_FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
    public static final String HEADER_FUNCTION_ERROR_BODY = "Lambda-Runtime-Function-Error-Body";
    public static final String HEADER_XRAY_ERROR_CAUSE = "Lambda-Runtime-Function-XRay-Error-Cause";
    public static final String HEADER_RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";
    public static final String RESPONSE_MODE_STREAMING = "streaming";

    // ---- content types ----------------------------------------------------------------------------
    public static final String CONTENT_TYPE_JSON = "application/json";
    public static final String CONTENT_TYPE_OCTET_STREAM = "application/octet-stream";
    public static final String CONTENT_TYPE_ERROR = "application/vnd.aws.lambda.error+json";
    public static final String CONTENT_TYPE_HTTP_INTEGRATION = "application/vnd.awslambda.http-integration-response";

    // ---- limits -----------------------------------------------------------------------------------
    /** Largest buffered response Lambda accepts: 6 MiB + 100 bytes (the emulator's {@code MaxPayloadSize}). */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;
    /** Largest synchronous request payload: 6 MB as documented for Invoke. */
    public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;
    /** Largest streamed response: 200 MB. */
    public static final long MAX_STREAMED_RESPONSE_BYTES = 200L * 1024 * 1024;
    /** The init phase limit before Lambda retries init inside the first invoke. */
    public static final long INIT_TIMEOUT_MS = 10_000;

    // ---- error types ------------------------------------------------------------------------------
    public static final String ERROR_INVALID_STATE = "InvalidStateTransition";
    public static final String ERROR_INVALID_REQUEST_ID = "InvalidRequestID";
    public static final String ERROR_INVALID_RESPONSE_MODE = "InvalidFunctionResponseMode";
    public static final String ERROR_TRUNCATED_REQUEST = "TruncatedHTTPRequest";
    public static final String ERROR_TOO_LARGE = "RequestEntityTooLarge";
    public static final String ERROR_INTERNAL = "InternalServerError";
    public static final String FN_ERROR_USER_EXCEPTION = "Runtime.UserException";
    public static final String FN_ERROR_BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";
    public static final String FN_ERROR_NO_SUCH_HANDLER = "Runtime.NoSuchHandler";
    public static final String FN_ERROR_EXIT = "Runtime.ExitError";
    public static final String FN_ERROR_OUT_OF_MEMORY = "Runtime.OutOfMemory";
    public static final String FN_ERROR_RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";
    public static final String FN_ERROR_TIMEOUT = "Sandbox.Timedout";
    public static final String FN_ERROR_BEFORE_CHECKPOINT = "Runtime.BeforeCheckpointError";
    public static final String FN_ERROR_AFTER_RESTORE = "Runtime.AfterRestoreError";
    /** The runtime's entry point (provided: {@code bootstrap}; go1.x: the handler's executable) cannot be run. */
    public static final String FN_ERROR_INVALID_ENTRYPOINT = "Runtime.InvalidEntrypoint";
    /** A {@code /response} with a Response-Mode other than streaming (RIE {@code fatalerror.go}). */
    public static final String FN_ERROR_INVALID_RESPONSE_MODE = "Runtime.InvalidResponseModeHeader";
    /** A {@code /response} or {@code /error} whose body ended early (RIE {@code fatalerror.go}). */
    public static final String FN_ERROR_TRUNCATED_RESPONSE = "Runtime.TruncatedResponse";

    // ---- reserved environment variables -----------------------------------------------------------
    public static final String ENV_RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";
    public static final String ENV_HANDLER = "_HANDLER";
    public static final String ENV_TRACE_ID = "_X_AMZN_TRACE_ID";
    public static final String ENV_REGION = "AWS_REGION";
    public static final String ENV_DEFAULT_REGION = "AWS_DEFAULT_REGION";
    public static final String ENV_EXECUTION_ENV = "AWS_EXECUTION_ENV";
    public static final String ENV_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String ENV_FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";
    public static final String ENV_FUNCTION_MEMORY_SIZE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    public static final String ENV_INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    public static final String ENV_LOG_GROUP_NAME = "AWS_LAMBDA_LOG_GROUP_NAME";
    public static final String ENV_LOG_STREAM_NAME = "AWS_LAMBDA_LOG_STREAM_NAME";
    public static final String ENV_LOG_FORMAT = "AWS_LAMBDA_LOG_FORMAT";
    public static final String ENV_LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    public static final String ENV_MAX_CONCURRENCY = "AWS_LAMBDA_MAX_CONCURRENCY";
    public static final String ENV_TASK_ROOT = "LAMBDA_TASK_ROOT";
    public static final String ENV_RUNTIME_DIR = "LAMBDA_RUNTIME_DIR";
    public static final String ENV_LAMBDA_SERVER_PORT = "_LAMBDA_SERVER_PORT";

    // ---- HTTP/1.1 framing used on the Runtime API connection ---------------------------------------
    public static final String HTTP_VERSION = "HTTP/1.1";
    public static final String METHOD_GET = "GET";
    public static final String METHOD_POST = "POST";
    public static final String HEADER_HOST = "Host";
    public static final String HEADER_USER_AGENT = "User-Agent";
    public static final String HEADER_CONTENT_TYPE = "Content-Type";
    public static final String HEADER_CONTENT_LENGTH = "Content-Length";
    public static final String HEADER_TRANSFER_ENCODING = "Transfer-Encoding";
    public static final String TRANSFER_ENCODING_CHUNKED = "chunked";
    public static final String HEADER_TRAILER = "Trailer";
    public static final String HEADER_CONNECTION = "Connection";
    public static final String CONNECTION_CLOSE = "close";
    /** The User-Agent coldbrew's runtime sends, as other runtimes send theirs. */
    public static final String USER_AGENT = "coldbrew-runtime/0.1";

    public static final int HTTP_OK = 200;
    public static final int HTTP_ACCEPTED = 202;
    public static final int HTTP_BAD_REQUEST = 400;
    public static final int HTTP_FORBIDDEN = 403;
    public static final int HTTP_PAYLOAD_TOO_LARGE = 413;
    public static final int HTTP_INTERNAL_ERROR = 500;

    // ---- message bodies ---------------------------------------------------------------------------
    /** The status every 202 reply carries: {@code {"status":"OK"}}. */
    public static final String STATUS_OK = "OK";

    public static final String FIELD_STATUS = "status";
    public static final String FIELD_ERROR_MESSAGE = "errorMessage";
    public static final String FIELD_ERROR_TYPE = "errorType";
    public static final String FIELD_STACK_TRACE = "stackTrace";
    /** The Node runtime client names the stack trace field {@code trace}; accepted when reading. */
    public static final String FIELD_STACK_TRACE_NODE = "trace";

    public static final String FIELD_COGNITO_IDENTITY_ID = "cognitoIdentityId";
    public static final String FIELD_COGNITO_IDENTITY_POOL_ID = "cognitoIdentityPoolId";
    public static final String FIELD_CLIENT = "client";
    public static final String FIELD_CUSTOM = "custom";
    public static final String FIELD_ENV = "env";
    public static final String FIELD_INSTALLATION_ID = "installation_id";
    public static final String FIELD_APP_TITLE = "app_title";
    public static final String FIELD_APP_VERSION_NAME = "app_version_name";
    public static final String FIELD_APP_VERSION_CODE = "app_version_code";
    public static final String FIELD_APP_PACKAGE_NAME = "app_package_name";

    // ---- HTTP integration prelude of streamed responses (function URLs, API Gateway streaming) ----------
    public static final String FIELD_STATUS_CODE = "statusCode";
    public static final String FIELD_HEADERS = "headers";
    public static final String FIELD_COOKIES = "cookies";
    /** NUL bytes between the JSON prelude and the body (Node runtime client's {@code DELIMITER_LEN}). */
    public static final int HTTP_PRELUDE_DELIMITER_BYTES = 8;

    // ---- X-Ray error cause (header Lambda-Runtime-Function-XRay-Error-Cause) ---------------------------
    public static final String FIELD_WORKING_DIRECTORY = "working_directory";
    public static final String FIELD_EXCEPTIONS = "exceptions";
    public static final String FIELD_MESSAGE = "message";
    public static final String FIELD_TYPE = "type";
    public static final String FIELD_STACK = "stack";
    public static final String FIELD_PATH = "path";
    public static final String FIELD_LINE = "line";
    public static final String FIELD_LABEL = "label";
    public static final String FIELD_PATHS = "paths";
    /** Runtimes send the X-Ray error cause only below this size (AWS's runtime client and aws-lambda-go: 1 MiB). */
    public static final int XRAY_ERROR_CAUSE_MAX_BYTES = 1024 * 1024;

    // ---- runtime defaults -------------------------------------------------------------------------
    /** Connect timeout to the Runtime API, as AWS's runtime client sets it (libcurl, 1 s). */
    public static final int CONNECT_TIMEOUT_MS = 1_000;
    /** Error type for a Runtime API reply the runtime cannot use (e.g. a malformed deadline). */
    public static final String FN_ERROR_INVALID_INVOCATION = "Runtime.InvalidInvocation";
    /** Error type for a missing or malformed environment variable at init. */
    public static final String FN_ERROR_INVALID_CONFIG = "Runtime.InvalidConfiguration";
    /** Platform error type for an unknown runtime failure (the emulator's {@code Runtime.Unknown}). */
    public static final String FN_ERROR_UNKNOWN = "Runtime.Unknown";
    /** Log format values of {@link #ENV_LOG_FORMAT}. */
    public static final String LOG_FORMAT_TEXT = "TEXT";

    public static final String LOG_FORMAT_JSON = "JSON";
    public static final String INIT_TYPE_SNAP_START = "snap-start";

    /** The system property the Java X-Ray SDK reads the trace header from, set for each invoke. */
    public static final String XRAY_TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
}
