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

    private ConsoleTable() {}

    public static void print(Summary summary, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CellSummary c : summary.cells()) {
            rows.add(row(summary, c));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
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
            return new String[] {c.workload(), c.strategy(), "" + c.memoryMb(), shorten(c.note()), "", "", "", "", ""};
        }
        String cold = Format.ms(c.coldTotal().median()) + (c.errors() > 0 ? " (" + c.errors() + " errors)" : "");
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
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
