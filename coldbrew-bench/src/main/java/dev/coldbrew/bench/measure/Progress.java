package dev.coldbrew.bench.measure;

import java.io.PrintStream;

/** A one-line progress bar redrawn in place: {@code [#####-----] 12/36 kmeans coldbrew-aot 1024 MB}. */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private int done;
    private int shown;

    public Progress(PrintStream out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    public void show(String what) {
        int filled = done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what;
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        shown = line.length();
        out.flush();
    }

    public void step(String what) {
        done++;
        show(what);
    }

    public void finish() {
        out.println();
    }
}
