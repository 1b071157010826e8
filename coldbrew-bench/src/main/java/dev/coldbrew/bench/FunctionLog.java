package dev.coldbrew.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** functions.log in the report folder: every line the functions and the local Lambda printed (REPORT lines too). */
final class FunctionLog implements Consumer<String>, AutoCloseable {
    private final Path file;
    private final BufferedWriter writer;

    FunctionLog(Path file) throws IOException {
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void accept(String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
