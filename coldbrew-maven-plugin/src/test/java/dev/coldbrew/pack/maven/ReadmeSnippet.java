package dev.coldbrew.pack.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The XML snippets of the README's Maven section, as users copy them: the tests use them as written. */
final class ReadmeSnippet {
    private ReadmeSnippet() {}

    /** The {@code <plugin>} snippet. */
    static String plugin(Path readme) throws IOException {
        return block(readme, "<plugin>");
    }

    /** The {@code <dependency>} elements a function needs. */
    static String dependencies(Path readme) throws IOException {
        return block(readme, "<dependency>");
    }

    private static String block(Path readme, String start) throws IOException {
        List<String> blocks = xmlBlocks(readme);
        for (String block : blocks) {
            if (block.strip().startsWith(start)) {
                return block;
            }
        }
        throw new IllegalStateException("no ```xml block starting with " + start + " in the Maven section of " + readme
                + " (found " + blocks.size() + " xml blocks)");
    }

    private static List<String> xmlBlocks(Path readme) throws IOException {
        String text = Files.readString(readme);
        int section = text.indexOf("**Maven.**");
        if (section < 0) {
            throw new IllegalStateException("no **Maven.** section in " + readme);
        }
        Matcher m = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(text.substring(section));
        List<String> blocks = new ArrayList<>();
        while (m.find() && blocks.size() < 10) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
