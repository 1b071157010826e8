package dev.coldbrew.gorpc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the byte vectors captured from Go 1.19 ({@code src/test/resources/gob-vectors/}, format in its README). */
public final class GobVectors {
    private GobVectors() {}

    /** One line of a vector file: its prefix ({@code C>S}, {@code S>C}, {@code ENC}), bytes and the comment above. */
    public record Line(String prefix, byte[] bytes, String comment) {}

    public static List<Line> read(String file) {
        List<Line> lines = new ArrayList<>();
        String comment = "";
        for (String line : text(file).split("\n")) {
            if (line.startsWith("#")) {
                comment = line.substring(1).trim();
            } else if (!line.isBlank()) {
                int space = line.indexOf(' ');
                String hex = line.substring(space + 1).replace(" ", "");
                lines.add(new Line(line.substring(0, space), HexFormat.of().parseHex(hex), comment));
            }
        }
        return lines;
    }

    /** The concatenation of every line with this prefix. */
    public static byte[] stream(String file, String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        read(file).stream().filter(l -> l.prefix().equals(prefix)).forEach(l -> out.writeBytes(l.bytes()));
        return out.toByteArray();
    }

    /** The standalone vector whose comment starts with {@code label}. */
    public static byte[] standalone(String label) {
        return read("standalone-values.hex").stream()
                .filter(l -> l.comment().startsWith(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no standalone vector labelled " + label))
                .bytes();
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static String text(String file) {
        try (InputStream in = GobVectors.class.getResourceAsStream("/gob-vectors/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
