package dev.coldbrew.runtime;

/** Why the runtime process ends; Lambda then starts a new execution environment. */
public enum ExitStatus {
    /** Init failed (bad {@code _HANDLER}, constructor threw, malformed environment); reported to /init/error. */
    INIT_FAILED(1),
    /** The Runtime API failed: connection lost, malformed reply, or HTTP 500. */
    RUNTIME_API_FAILED(2),
    /** The handler left the JVM unusable (out of memory); reported to /error first. */
    FATAL_HANDLER_ERROR(3),
    /** A SnapStart hook failed; reported first. 64, as AWS's Java runtime exits then. */
    SNAPSTART_HOOK_FAILED(64);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }
}
