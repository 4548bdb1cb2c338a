package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run by {@link SkipReportingTest} only: the extension with probes that find no Docker, output captured. */
class NoDockerSample {

    static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    @RegisterExtension
    static final DeployedClipflowExtension EXTENSION = new DeployedClipflowExtension(new TargetProbes() {
        @Override
        public Optional<String> dockerProblem() {
            return Optional.of("no Docker engine found (test probe)");
        }

        @Override
        public Optional<String> awsCredentialsProblem(E2eSettings settings) {
            return Optional.empty();
        }

        @Override
        public Optional<String> stackProblem(E2eSettings settings) {
            return Optional.empty();
        }
    }, new PrintStream(PRINTED, true, StandardCharsets.UTF_8));

    @Test
    void needsTheTarget(DeployedClipflow target) {
        fail("must not run: " + target.describe());
    }
}
