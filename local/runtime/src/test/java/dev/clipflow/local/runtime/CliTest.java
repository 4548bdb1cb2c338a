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
    void run_help_exit0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exit codes");
    }
}
