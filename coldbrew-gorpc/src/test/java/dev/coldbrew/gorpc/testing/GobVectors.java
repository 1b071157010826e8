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

    /** One call: everything the client wrote, then everything the server wrote. */
    public record Exchange(byte[] clientToServer, byte[] serverToClient) {}

    /** The exchanges of a file, split where a client line follows a server line. */
    public static List<Exchange> exchanges(String file) {
        List<Exchange> out = new ArrayList<>();
        ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        for (Line line : read(file)) {
            if (line.prefix().equals("C>S") && s2c.size() > 0) {
                out.add(new Exchange(c2s.toByteArray(), s2c.toByteArray()));
                c2s.reset();
                s2c.reset();
            }
            (line.prefix().equals("C>S") ? c2s : s2c).writeBytes(line.bytes());
        }
        out.add(new Exchange(c2s.toByteArray(), s2c.toByteArray()));
        return out;
    }

    /** The exchanges of the two-process capture, files 01 to 07 in order (one connection). */
    public static List<Exchange> twoProcessExchanges() {
        List<Exchange> out = new ArrayList<>();
        for (String file : TWO_PROCESS_FILES) {
            out.addAll(exchanges(file));
        }
        return out;
    }

    public static final List<String> TWO_PROCESS_FILES = List.of(
            "01-ping.hex",
            "02-invoke-first.hex",
            "03-invoke-repeat.hex",
            "04-invoke-handler-error.hex",
            "05-invoke-method-error.hex",
            "06-unknown-method.hex",
            "07-invoke-zero-request.hex");

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
