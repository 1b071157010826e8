package dev.coldbrew.bench.measure;

import java.io.Console;
import java.io.PrintStream;

/**
 * What the bench is doing, counted in steps (a function prepared, one invoke). On a terminal, one line redrawn in
 * place that names the cell being measured: {@code [#####-----] 12/36 kmeans coldbrew-aot 1024 MB: cold start
 * 2/3}. Elsewhere (a log file, a pipe) no redrawing, whose carriage returns would pile up in the log: one plain
 * line per finished cell or preparation instead.
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private int done;
    private int shown;

    /**
     * @param total the steps the run will take
     * @param terminal redraw a bar in place ({@code true}) or print one line per finished cell ({@code false})
     */
    public Progress(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    /** Whether this process writes to a terminal: {@link System#console()} says so for stdin and stdout. */
    public static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Names what is being done now (on a terminal; a log gets only finished cells). */
    public void show(String what) {
        if (!terminal) {
            return;
        }
        int filled = Math.min(done, total) * WIDTH / total;
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what;
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        shown = line.length();
        out.flush();
    }

    /** {@code steps} steps done (or skipped, as a strategy that could not be prepared skips its invokes). */
    public void advance(int steps) {
        done += steps;
    }

    /** A cell or a preparation finished: a line of its own in a log, nothing on a terminal (the bar moves on). */
    public void finished(String line) {
        if (!terminal) {
            out.println(line);
            out.flush();
        }
    }

    /** Shows the bar full and ends its line, so that what follows starts on a line of its own. */
    public void finish() {
        if (terminal) {
            show("done");
            out.println();
        }
    }
}
