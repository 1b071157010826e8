package dev.coldbrew.pack.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration the goal does not know fails the build (Maven itself ignores it), checked against the goal's real
 * descriptor ({@code target/classes/META-INF/maven/plugin.xml}); and the README's parameter list is that
 * descriptor's.
 */
class PackageMojoConfigurationTest {
    private MojoDescriptor descriptor;
    private PackageMojo mojo;

    @BeforeEach
    void descriptor() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(in);
            descriptor = plugin.getMojo("package");
        }
        mojo = new PackageMojo();
    }

    @Test
    void anUnknownElementFailsNamingItTheLikelyParameterAndTheKnownOnes() throws Exception {
        configure("<configuration><mainClass>com.example.F</mainClass><memory>1024</memory></configuration>", null);
        assertThatThrownBy(mojo::checkConfiguration)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("coldbrew:package: unknown configuration <memory> (did you mean <memoryMb>?):"
                        + " coldbrew:package's parameters are addModules, aot, environment, events, functionName,")
                .hasMessageContaining("memoryMb")
                .hasMessageNotContaining("classpathElements");
    }

    @Test
    void anUnknownElementInTheExecutionsConfigurationFailsToo() throws Exception {
        configure(
                "<configuration><mainClass>com.example.F</mainClass></configuration>",
                "<configuration><timeout>60</timeout><name>f</name></configuration>");
        assertThatThrownBy(mojo::checkConfiguration)
                .hasMessageStartingWith("coldbrew:package: unknown configuration <timeout> (did you mean"
                        + " <timeoutSeconds>?), <name> (did you mean <functionName>?)");
    }

    @Test
    void everyParameterIsAccepted() throws Exception {
        StringBuilder all = new StringBuilder("<configuration>");
        for (String name : editableParameters()) {
            all.append('<').append(name).append("/>");
        }
        configure(all.append("</configuration>").toString(), null);
        mojo.checkConfiguration();
    }

    @Test
    void anUnknownColdbrewUserPropertyFails() {
        Set<String> known = new TreeSet<>(List.of("coldbrew.memoryMb", "coldbrew.timeoutSeconds"));
        assertThat(ConfigurationCheck.unknownProperties(List.of("coldbrew.memoryMb", "other.x"), known))
                .isNull();
        assertThat(ConfigurationCheck.unknownProperties(List.of("coldbrew.version"), known))
                .isNull();
        assertThat(ConfigurationCheck.unknownProperties(List.of("coldbrew.memory", "coldbrew.memoryMb"), known))
                .isEqualTo("unknown user property coldbrew.memory: coldbrew:package reads coldbrew.memoryMb,"
                        + " coldbrew.timeoutSeconds");
    }

    /** The README's Maven section lists exactly the goal's parameters, by their real names. */
    @Test
    void theReadmeListsTheRealParameters() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher list = Pattern.compile("Parameters \\(.*?\\):(.*?)\\n\\n", Pattern.DOTALL)
                .matcher(readme.substring(readme.indexOf("**Maven.**")));
        assertThat(list.find())
                .as("a 'Parameters (...):' paragraph in the README's Maven section")
                .isTrue();
        Set<String> named = new TreeSet<>();
        Matcher word = Pattern.compile("`([A-Za-z]+)`").matcher(list.group(1));
        while (word.find()) {
            named.add(word.group(1));
        }
        assertThat(named).isEqualTo(editableParameters());
    }

    /** The properties the README's snippet configures are parameters too. */
    @Test
    void theReadmeSnippetConfiguresOnlyParameters() throws Exception {
        Xpp3Dom plugin = Xpp3DomBuilder.build(new StringReader(ReadmeSnippet.plugin(Path.of("../README.md"))));
        Xpp3Dom configuration = plugin.getChild("configuration");
        assertThat(configuration).isNotNull();
        for (Xpp3Dom child : configuration.getChildren()) {
            assertThat(editableParameters()).contains(child.getName());
        }
    }

    private Set<String> editableParameters() {
        Set<String> names = new TreeSet<>();
        for (org.apache.maven.plugin.descriptor.Parameter p : descriptor.getParameters()) {
            if (p.isEditable()) {
                names.add(p.getName());
            }
        }
        return names;
    }

    /** A project whose POM configures the plugin with {@code pluginXml} and its execution with {@code executionXml}. */
    private void configure(String pluginXml, String executionXml) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.coldbrew");
        plugin.setArtifactId("coldbrew-maven-plugin");
        plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(pluginXml)));
        PluginExecution execution = new PluginExecution();
        execution.setId("default");
        if (executionXml != null) {
            execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(executionXml)));
        }
        plugin.addExecution(execution);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        mojo.project = new MavenProject(model);
        mojo.mojoExecution = new MojoExecution(descriptor, "default");
    }
}
