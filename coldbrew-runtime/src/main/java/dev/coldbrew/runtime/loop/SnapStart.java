package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.SnapStartHooks;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.invoke.ErrorRequests;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The SnapStart phase between init and the invoke loop (Runtime API reference §8): before-checkpoint hook,
 * {@code GET /runtime/restore/next} (which returns in the restored copy), after-restore hook.
 */
final class SnapStart {
    private SnapStart() {}

    /** Runs the phase; null when the loop may start, otherwise why the process must exit. */
    static ExitStatus checkpointAndRestore(RuntimeApiClient client, Object handler, PrintStream err) {
        SnapStartHooks hooks = handler instanceof SnapStartHooks h ? h : null;
        try {
            if (hooks != null && !beforeCheckpoint(client, hooks, err)) {
                return ExitStatus.SNAPSTART_HOOK_FAILED;
            }
            client.restoreNext();
            if (hooks != null && !afterRestore(client, hooks, err)) {
                return ExitStatus.SNAPSTART_HOOK_FAILED;
            }
            return null;
        } catch (IOException e) {
            err.println("coldbrew-runtime: stopping: " + e.getMessage());
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    private static boolean beforeCheckpoint(RuntimeApiClient client, SnapStartHooks hooks, PrintStream err)
            throws IOException {
        try {
            hooks.beforeCheckpoint();
            return true;
        } catch (Exception e) {
            err.println("coldbrew-runtime: before-checkpoint hook failed: " + e);
            client.postInitError(RuntimeApi.FN_ERROR_BEFORE_CHECKPOINT, ErrorRequests.from(e));
            return false;
        }
    }

    private static boolean afterRestore(RuntimeApiClient client, SnapStartHooks hooks, PrintStream err)
            throws IOException {
        try {
            hooks.afterRestore();
            return true;
        } catch (Exception e) {
            err.println("coldbrew-runtime: after-restore hook failed: " + e);
            client.postRestoreError(RuntimeApi.FN_ERROR_AFTER_RESTORE, ErrorRequests.from(e));
            return false;
        }
    }
}
