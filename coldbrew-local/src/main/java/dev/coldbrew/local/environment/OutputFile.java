package dev.coldbrew.local.environment;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A file a runtime appends its output to, read on from where the last read stopped.
 *
 * <p>A file rather than a pipe, on purpose: a runtime writes its log lines before it answers, and a write to a file
 * is readable as soon as the write returns, so reading the file up to its end when the answer arrives gets every
 * line of the invocation, however late a thread that follows a pipe would have woken up. Bytes already read are
 * given back to the file system from time to time (a hole punched with util-linux's {@code fallocate}), so a chatty
 * long-lived environment does not fill the disk; the offsets keep growing, the space does not.
 */
final class OutputFile implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutputFile.class.getName());

    /** Read bytes are released once this many have gathered. */
    static final long RELEASE_BYTES = 16L * 1024 * 1024;

    private static final long RELEASE_WAIT_SECONDS = 5;

    private final Path path;
    private final FileChannel channel;
    private long position;
    private long released;
    private boolean releaseFailed;

    private OutputFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static OutputFile open(Path path) throws IOException {
        return new OutputFile(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    Path path() {
        return path;
    }

    /** Reads what was appended since the last read into {@code into}; the number of bytes read (0: nothing new). */
    int read(ByteBuffer into) throws IOException {
        int n = channel.read(into, position);
        if (n <= 0) {
            return 0;
        }
        position += n;
        return n;
    }

    /** Bytes read so far. */
    long position() {
        return position;
    }

    /** Gives the space of the bytes read so far back to the file system, when enough have gathered. */
    void releaseRead() {
        long upTo = position / 4096 * 4096;
        if (releaseFailed || upTo - released < RELEASE_BYTES) {
            return;
        }
        try {
            Process punch = new ProcessBuilder(
                            "fallocate",
                            "--punch-hole",
                            "--keep-size",
                            "--offset",
                            Long.toString(released),
                            "--length",
                            Long.toString(upTo - released),
                            path.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (punch.waitFor(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS) && punch.exitValue() == 0) {
                released = upTo;
                return;
            }
            punch.destroyForcibly();
            giveUp("fallocate --punch-hole on " + path + " failed");
        } catch (IOException e) {
            giveUp("fallocate --punch-hole on " + path + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void giveUp(String why) {
        releaseFailed = true;
        LOG.log(Level.WARNING, why + "; this environment's output file keeps the bytes already read");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
