package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lambda Managed Instances: {@code AWS_LAMBDA_MAX_CONCURRENCY} invoke loops, each on its own platform thread and
 * Runtime API connection, sharing one handler. The first loop that stops decides the exit status, as the process
 * must then be replaced. A loop thread ended by an {@link Error} outside the handler (which {@link RuntimeLoop}
 * does not catch) still reports, as {@link ExitStatus#FATAL_HANDLER_ERROR}, so the process exits instead of
 * waiting for loops that are gone.
 */
final class ConcurrentLoops {
    private ConcurrentLoops() {}

    static ExitStatus run(Config config, HandlerInvoker invoker, PrintStream err) {
        BlockingQueue<ExitStatus> stopped = new LinkedBlockingQueue<>();
        HandlerInvoker shared = invoker.forConcurrentUse();
        for (int i = 0; i < config.maxConcurrency(); i++) {
            RuntimeLoop loop = new RuntimeLoop(new RuntimeApiClient(config.runtimeApi()), shared, err);
            Thread thread = new Thread(new LoopTask(loop, stopped, err), "coldbrew-invoke-loop-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            return stopped.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("coldbrew-runtime: stopping: interrupted while " + config.maxConcurrency() + " loops ran");
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    /** One loop on its thread; reports how it stopped. */
    private static final class LoopTask implements Runnable {
        private final RuntimeLoop loop;
        private final BlockingQueue<ExitStatus> stopped;
        private final PrintStream err;

        LoopTask(RuntimeLoop loop, BlockingQueue<ExitStatus> stopped, PrintStream err) {
            this.loop = loop;
            this.stopped = stopped;
            this.err = err;
        }

        @Override
        public void run() {
            ExitStatus status = ExitStatus.FATAL_HANDLER_ERROR;
            try {
                status = loop.run();
            } catch (Throwable t) {
                err.println(
                        "coldbrew-runtime: stopping: " + Thread.currentThread().getName() + " ended by " + t);
            } finally {
                stopped.add(status);
            }
        }
    }
}
