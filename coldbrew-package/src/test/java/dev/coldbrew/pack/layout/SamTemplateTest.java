package dev.coldbrew.pack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class SamTemplateTest {
    @Test
    void logicalIdsAreLettersAndDigits() {
        assertThat(SamTemplate.logicalIdOf("hello-world_fn")).isEqualTo("HelloWorldFn");
        assertThat(SamTemplate.logicalIdOf("kmeans")).isEqualTo("Kmeans");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rendersAServerlessFunctionWithEveryProperty() {
        String yaml = new SamTemplate(
                        "Hello",
                        "function.zip",
                        "provided.al2023",
                        "p.H::handle",
                        512,
                        30,
                        "x86_64",
                        Map.of("GREETING", "it's me"))
                .render();
        Map<String, Object> doc = new Yaml().load(yaml);
        assertThat(doc).containsEntry("Transform", "AWS::Serverless-2016-10-31");
        Map<String, Object> resource = (Map<String, Object>) ((Map<String, Object>) doc.get("Resources")).get("Hello");
        assertThat(resource).containsEntry("Type", "AWS::Serverless::Function");
        Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
        assertThat(props)
                .containsEntry("CodeUri", "function.zip")
                .containsEntry("Runtime", "provided.al2023")
                .containsEntry("Handler", "p.H::handle")
                .containsEntry("MemorySize", 512)
                .containsEntry("Timeout", 30)
                .containsEntry("Architectures", List.of("x86_64"));
        assertThat(props.get("Environment")).isEqualTo(Map.of("Variables", Map.of("GREETING", "it's me")));
    }

    @Test
    void theHostArchitectureIsOneOfLambdas() {
        assertThat(SamTemplate.hostArchitecture()).isIn("x86_64", "arm64");
    }
}
