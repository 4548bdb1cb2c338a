package dev.clipflow.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ManualClock;
import dev.clipflow.local.asl.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of the specification and the developer guide, one data file each under
 * {@code spec-examples/<group>/}: definition, input, mocked task responses, expected status/output/error/cause.
 */
class SpecExamplesTest {

    static Stream<Arguments> examples() throws IOException, URISyntaxException {
        Path root = Path.of(SpecExamplesTest.class.getResource("/spec-examples").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> Arguments.of(root.relativize(p).toString(), p)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void execute_specExample_matchesExpectedOutcome(String name, Path file) throws IOException {
        JsonNode example = Json.parse(Files.readString(file));
        ExecutionResult result = new Engine(Fixtures.mocks(example.get("mockedResponses")),
                new ManualClock(Fixtures.T0)).execute(Fixtures.machine(example.get("definition")),
                example.get("input"), ExecutionOptions.defaults());

        JsonNode expected = example.get("expected");
        assertThat(result.status().name()).as("status").isEqualTo(expected.get("status").textValue());
        if (expected.has("output")) {
            assertThat(Json.write(result.output())).as("output").isEqualTo(Json.write(expected.get("output")));
        }
        if (expected.has("error")) {
            assertThat(result.error()).as("error").isEqualTo(expected.get("error").textValue());
        }
        if (expected.has("cause")) {
            assertThat(result.cause()).as("cause").isEqualTo(expected.get("cause").textValue());
        }
        if (expected.has("causeContains")) {
            assertThat(result.cause()).as("cause").contains(expected.get("causeContains").textValue());
        }
    }
}
