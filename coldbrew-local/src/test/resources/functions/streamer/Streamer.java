import dev.coldbrew.runtime.LambdaRuntime;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A function that streams its response with coldbrew's runtime ({@code LambdaRuntime.runStreaming}). The event
 * (a JSON string; its quotes are dropped) says what to do: {@code fail} writes "partial" then throws;
 * {@code pause} writes "first", sleeps 500 ms, writes "second"; {@code hang} writes "first" and sleeps 60 s;
 * {@code bytes N} writes N bytes of 'x' in 64 KiB writes; anything else is echoed.
 */
public final class Streamer {
    public static void main(String[] args) {
        LambdaRuntime.runStreaming((in, out, context) -> {
            String event = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"", "").strip();
            if (event.equals("fail")) {
                write(out, "partial");
                throw new IllegalStateException("lost the upstream");
            } else if (event.equals("pause")) {
                write(out, "first");
                Thread.sleep(500);
                write(out, "second");
            } else if (event.equals("hang")) {
                write(out, "first");
                Thread.sleep(60_000);
            } else if (event.startsWith("bytes ")) {
                long left = Long.parseLong(event.substring(6));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                while (left > 0) {
                    int n = (int) Math.min(left, chunk.length);
                    out.write(chunk, 0, n);
                    left -= n;
                }
            } else {
                write(out, event);
            }
        });
    }

    private static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
