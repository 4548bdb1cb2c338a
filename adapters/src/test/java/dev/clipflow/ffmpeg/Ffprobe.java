package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-side ffprobe: what a player would find in an output. */
final class Ffprobe {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Ffprobe() {
    }

    /** Streams and format of a file or playlist; fails the test when ffprobe cannot read it. */
    static JsonNode read(Path input) {
        List<String> command = new ArrayList<>(List.of(FfmpegBinaries.fromEnvironment().ffprobe(),
                "-v", "error", "-show_streams", "-show_format", "-of", "json", input.toString()));
        ProcessResult result = ProcessRunner.run(command, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("ffprobe %s: %s", input.getFileName(), result.stderr()).isZero();
        return JSON.readTree(new String(result.stdout(), StandardCharsets.UTF_8));
    }

    static List<JsonNode> streams(JsonNode probe, String type) {
        List<JsonNode> streams = new ArrayList<>();
        probe.path("streams").forEach(s -> {
            if (type.equals(s.path("codec_type").asString(""))) {
                streams.add(s);
            }
        });
        return streams;
    }

    static double duration(JsonNode probe) {
        return Double.parseDouble(probe.path("format").path("duration").asString("0"));
    }
}
