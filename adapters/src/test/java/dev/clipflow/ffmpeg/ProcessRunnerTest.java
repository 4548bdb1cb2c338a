package dev.clipflow.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    private static String headAndTail(String text) {
        return ProcessRunner.headAndTail(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    }

    @Test
    void shortOutputIsKeptWhole() {
        assertThat(headAndTail(lines(1, 25) + "\n")).isEqualTo(lines(1, 25));
    }

    @Test
    void longOutputKeepsTheFirstDiagnosticsAndTheLast() {
        String out = headAndTail(lines(1, 5000));

        assertThat(out).isEqualTo(lines(1, 10) + "\n[...]\n" + lines(4986, 5000));
    }

    @Test
    void theFirstDecoderErrorSurvivesThousandsOfLaterLines() {
        String stderr = "[h264 @ 0x1] Invalid NAL unit size (627935043 > 16445).\n"
                + "[h264 @ 0x1] Error splitting the input into NAL units.\n".repeat(2000)
                + "[enc:libx264 @ 0x2] Could not open encoder before EOF\n";

        String out = headAndTail(stderr);

        assertThat(out).startsWith("[h264 @ 0x1] Invalid NAL unit size").endsWith("before EOF")
                .hasSizeLessThan(2 * ProcessRunner.STDERR_PART_BYTES);
        assertThat(FfmpegTranscoder.failure(69, out)).isInstanceOf(dev.clipflow.media.MediaRejectedException.class)
                .hasMessageContaining("Could not open encoder before EOF");
    }

    @Test
    void aRealProcessIsRunWithAnEmptyEnvironment() {
        ProcessResult r = ProcessRunner.run(List.of("/usr/bin/env"), Duration.ofSeconds(10));

        assertThat(r.exitCode()).isZero();
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEmpty();
    }
}
