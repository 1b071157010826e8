package dev.coldbrew.bench.measure;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the bench is doing, counted in steps (a function prepared, one invoke). On a terminal, one line redrawn in
 * place that names the cell being measured: {@code [#####-----] 12/36 kmeans coldbrew-aot 1024 MB: cold start
 * 2/3}. Elsewhere (a log file, a pipe) no redrawing, whose carriage returns would pile up in the log: one plain
 * line per finished cell or preparation instead.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private static final String STDERR = "/proc/self/fd/2";

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

    /**
     * Whether the bar can be redrawn in place: {@link System#console()} is a terminal (stdin and stdout) and so is
     * stderr, which the bar is written to ({@code coldbrew bench 2> bench.log} gets plain lines).
     */
    public static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal() && stderrIsTerminal();
    }

    /** Where Linux says stderr goes ({@code /proc/self/fd/2}); {@code true} where it cannot tell. */
    private static boolean stderrIsTerminal() {
        try {
            return terminalDevice(Files.readSymbolicLink(Path.of(STDERR)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    /** Whether a file descriptor's link target is a terminal: a pseudo-terminal or a console, not a file or pipe. */
    static boolean terminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
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
