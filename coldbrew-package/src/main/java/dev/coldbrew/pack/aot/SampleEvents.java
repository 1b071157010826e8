package dev.coldbrew.pack.aot;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.runtime.api.json.JsonException;
import dev.coldbrew.runtime.api.json.JsonReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The events of a training run: every {@code *.json} file of a folder, one JSON event per file, in file name
 * order. Each is checked to be JSON before anything runs.
 *
 * @param folder where they came from
 * @param events the file name and payload of each event
 */
public record SampleEvents(Path folder, List<Event> events) {

    /** One event file. */
    public record Event(String fileName, byte[] payload) {}

    public SampleEvents {
        events = List.copyOf(events);
    }

    /**
     * Reads and checks every {@code *.json} file in {@code folder}.
     *
     * @throws PackageException when the folder is missing or holds no {@code .json} file, or naming the first file
     *     that cannot be read or is not valid JSON
     */
    public static SampleEvents read(Path folder) throws PackageException {
        if (!Files.isDirectory(folder)) {
            throw new PackageException("events folder " + folder + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PackageException("list events folder " + folder + " failed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PackageException("events folder " + folder + " holds no *.json file (one JSON event per file)");
        }
        List<Event> events = new ArrayList<>();
        for (Path file : files) {
            events.add(new Event(file.getFileName().toString(), readEvent(file)));
        }
        return new SampleEvents(folder, events);
    }

    private static byte[] readEvent(Path file) throws PackageException {
        byte[] bytes;
        String text;
        try {
            bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PackageException("event file " + file + " is not valid JSON: it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new PackageException("read event file " + file + " failed: " + e.getMessage(), e);
        }
        try {
            JsonReader.parse(text);
        } catch (JsonException e) {
            throw new PackageException("event file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        return bytes;
    }
}
