package dev.clipflow.contracts;

import dev.clipflow.testing.template.CfnYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository's contract files: the state machine definition and the SAM template. */
final class Repo {
    static final String ASL = "statemachine/video-pipeline.asl.json";
    static final String TEMPLATE = "template.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Repo() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(TEMPLATE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No " + TEMPLATE + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String text(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode asl() {
        return JSON.readTree(text(ASL));
    }

    static Map<String, Object> template() {
        return CfnYaml.read(root().resolve(TEMPLATE));
    }
}
