package dev.clipflow.local.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clipflow.testing.template.CfnYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Copies of the repository's template.yaml that a test changes in one value (an environment variable, a role's
 * action) and starts a stack from: read with every {@code CodeUri} and {@code DefinitionUri} made absolute, so the
 * copy can be written anywhere, then written as JSON (which CloudFormation's YAML reader takes too).
 */
public final class TemplateCopies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateCopies() {
    }

    /** The template under {@code root}, its code and definition paths resolved against {@code root}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path root) {
        Map<String, Object> template = CfnYaml.read(root.resolve("template.yaml"));
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        for (Object r : resources.values()) {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) r).get("Properties");
            if (props != null) {
                for (String uri : List.of("CodeUri", "DefinitionUri")) {
                    if (props.get(uri) instanceof String s) {
                        props.put(uri, root.resolve(s).toString());
                    }
                }
            }
        }
        return template;
    }

    /** Writes {@code template} to {@code file} (its folder created) as JSON, and returns {@code file}. */
    public static Path write(Map<String, Object> template, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template));
        return file;
    }
}
