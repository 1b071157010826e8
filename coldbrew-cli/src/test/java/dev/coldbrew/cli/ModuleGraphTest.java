package dev.coldbrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps the module graph in {@code docs/architecture.md} equal to the poms: the table between the two
 * {@code module-graph} markers is what this test computes from the root pom's modules and each module's
 * dependencies on other coldbrew modules. When a pom changes, the failure prints the table to paste.
 */
class ModuleGraphTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String GROUP = "dev.coldbrew";
    private static final String BEGIN = "<!-- module-graph:begin (checked by ModuleGraphTest) -->\n";
    private static final String END = "<!-- module-graph:end -->";

    @Test
    void architectureDocumentShowsTheModuleGraphOfThePoms() throws Exception {
        String expected = table();
        String document = Files.readString(ROOT.resolve("docs/architecture.md"));
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin)
                .as("docs/architecture.md has the %s marker", BEGIN.strip())
                .isNotNegative();
        assertThat(end).as("docs/architecture.md has the %s marker", END).isGreaterThan(begin);
        assertThat(document.substring(begin + BEGIN.length(), end))
                .as("docs/architecture.md's module graph (paste the expected table between the markers)")
                .isEqualTo(expected);
    }

    private static String table() throws Exception {
        StringBuilder table = new StringBuilder("| module | depends on | its tests also use |\n|---|---|---|\n");
        for (String folder : children(pom(ROOT), "modules", "module")) {
            table.append(row(folder));
        }
        return table.toString();
    }

    /** One module's row: its name (and folder when they differ), then its coldbrew dependencies by scope. */
    private static String row(String folder) throws Exception {
        Element pom = pom(ROOT.resolve(folder));
        List<String> main = new ArrayList<>();
        List<String> test = new ArrayList<>();
        for (Element dependency : elements(pom, "dependencies", "dependency")) {
            if (GROUP.equals(text(dependency, "groupId"))) {
                ("test".equals(text(dependency, "scope")) ? test : main).add(name(dependency));
            }
        }
        String artifact = text(pom, "artifactId");
        String module = artifact.equals(folder) ? "`" + folder + "`" : "`%s` (`%s/`)".formatted(artifact, folder);
        return "| %s | %s | %s |\n".formatted(module, names(main), names(test));
    }

    /** A dependency as the table names it: the artifact, marked when it is optional or a module's test jar. */
    private static String name(Element dependency) {
        String name = "`" + text(dependency, "artifactId") + "`";
        if ("test-jar".equals(text(dependency, "type")) || "tests".equals(text(dependency, "classifier"))) {
            name += " (test jar)";
        }
        return "true".equals(text(dependency, "optional")) ? name + " (optional)" : name;
    }

    private static String names(List<String> artifacts) {
        return artifacts.isEmpty() ? "—" : String.join(", ", artifacts);
    }

    private static Element pom(Path folder) throws Exception {
        Path file = folder.resolve("pom.xml");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no pom.xml in " + folder);
        }
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
    }

    private static List<String> children(Element parent, String list, String item) {
        return elements(parent, list, item).stream()
                .map(Node::getTextContent)
                .map(String::strip)
                .toList();
    }

    /** The {@code item} elements of {@code parent}'s direct {@code list} child (not those under dependencyManagement). */
    private static List<Element> elements(Element parent, String list, String item) {
        List<Element> found = new ArrayList<>();
        for (Element container : direct(parent, list)) {
            found.addAll(direct(container, item));
        }
        return found;
    }

    private static List<Element> direct(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = direct(parent, name);
        return found.isEmpty() ? "" : found.getFirst().getTextContent().strip();
    }
}
