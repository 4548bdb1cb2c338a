package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_noArguments_usageAndExit2() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: clipflow demo");
    }

    @Test
    void run_unknownCommand_exit2() {
        assertThat(run("fly", "--template", RepoRoot.get().resolve("template.yaml").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: fly");
    }

    @Test
    void run_optionWithoutValue_exit2() {
        assertThat(run("demo", "--template")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--template needs a value");
    }

    @Test
    void invoke_badEventFileOrUnknownFunction_namedErrorExit2BeforeAnyStackStarts(@org.junit.jupiter.api.io.TempDir
                                                                                  java.nio.file.Path dir)
            throws Exception {
        String template = RepoRoot.get().resolve("template.yaml").toString();
        java.nio.file.Path notJson = java.nio.file.Files.writeString(dir.resolve("event.json"), "{\"Records\": [");
        java.nio.file.Path ok = java.nio.file.Files.writeString(dir.resolve("ok.json"), "{}");

        assertThat(run("invoke", "IngestFunction", "--event", dir.resolve("missing.json").toString(), "--template",
                template)).isEqualTo(2);
        assertThat(run("invoke", "IngestFunction", "--event", notJson.toString(), "--template", template))
                .isEqualTo(2);
        assertThat(run("invoke", "NoSuchFunction", "--event", ok.toString(), "--template", template)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("invoke: no such event file: " + dir.resolve("missing.json"))
                .contains("invoke: the event file " + notJson + " is not JSON")
                .contains("invoke: no function NoSuchFunction in ").contains("IngestFunction, ");
    }

    @Test
    void demo_noSuchVideoFile_exit2BeforeAnyStackStarts() {
        assertThat(run("demo", "--video", "/nonexistent/video.mp4", "--template",
                RepoRoot.get().resolve("template.yaml").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No such video file: /nonexistent/video.mp4");
    }

    @Test
    void run_help_exit0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exit codes");
    }
}
