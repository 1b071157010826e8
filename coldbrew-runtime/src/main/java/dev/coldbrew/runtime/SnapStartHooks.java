package dev.coldbrew.runtime;

/**
 * Lambda SnapStart hooks: a handler that also implements this interface is called before Lambda snapshots the
 * initialised environment and after each restore from the snapshot (only when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}). Close connections and drop cached credentials or random
 * seeds in {@link #beforeCheckpoint()}, re-establish them in {@link #afterRestore()}. Found with
 * {@code instanceof} on the registered handler: no reflection, no {@code org.crac} dependency.
 *
 * <p>Failures: an exception from {@code beforeCheckpoint} is reported to {@code /runtime/init/error} as
 * {@code Runtime.BeforeCheckpointError}, one from {@code afterRestore} to {@code /runtime/restore/error} as
 * {@code Runtime.AfterRestoreError}; the runtime then exits with {@link ExitStatus#SNAPSTART_HOOK_FAILED}.
 */
public interface SnapStartHooks {
    default void beforeCheckpoint() throws Exception {}

    default void afterRestore() throws Exception {}
}
