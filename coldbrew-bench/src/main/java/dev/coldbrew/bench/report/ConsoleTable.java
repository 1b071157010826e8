package dev.coldbrew.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact table printed when a run ends: per workload, strategy and memory size, the cold start (Init +
 * first invoke) and warm Duration medians with their ratio to {@code aws-java}, and Max Memory Used.
 */
public final class ConsoleTable {
    private static final String[] HEADER = {
        "workload", "strategy", "MB", "cold ms", "vs aws", "warm ms", "vs aws", "max MB", "$/1M warm"
    };

    /** A row without numbers: workload, strategy, memory size and why. */
    private static final int NOTE_COLUMNS = 4;

    private static final int MAX_NOTE = 90;

    private ConsoleTable() {}

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    public static void print(Summary summary, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CellSummary c : summary.cells()) {
            rows.add(row(summary, c));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < (row.length == NOTE_COLUMNS ? NOTE_COLUMNS - 1 : row.length); i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            if (row.length == NOTE_COLUMNS) {
                line.append(pad(row[0], widths[0]))
                        .append("  ")
                        .append(pad(row[1], widths[1]))
                        .append("  ");
                line.append(" ".repeat(widths[2] - row[2].length()))
                        .append(row[2])
                        .append("  ")
                        .append(row[3]);
                out.println(line);
                continue;
            }
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                boolean left = i < 2 || row == HEADER;
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(left ? cell + pad : pad + cell).append(i < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String[] row(Summary summary, CellSummary c) {
        if (!c.note().isEmpty()) {
            return new String[] {c.workload(), c.strategy(), "" + c.memoryMb(), shorten(c.note())};
        }
        String cold = Format.ms(c.coldTotal().median())
                + (c.errors() > 0 ? " (" + Format.count(c.errors(), "error") + ")" : "");
        return new String[] {
            c.workload(),
            c.strategy(),
            "" + c.memoryMb(),
            cold,
            Format.ratio(summary.ratio(c, x -> x.coldTotal().median())),
            Format.ms(c.warmDuration().median()),
            Format.ratio(summary.ratio(c, x -> x.warmDuration().median())),
            Format.mb(c.maxMemoryMedian()),
            Format.usd(c.usdPerMillionWarm())
        };
    }

    private static String shorten(String note) {
        String line = note.lines().findFirst().orElse("");
        return line.length() > MAX_NOTE ? line.substring(0, MAX_NOTE - 3) + "..." : line;
    }
}
