package dev.clipflow.e2e;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not part of the build's tests (surefire includes *Test, *IT, *E2E): run by {@link SkipReportingTest} through the
 * JUnit engine to prove that an unrunnable target skips, with its reason, instead of passing.
 */
@ExtendWith(DeployedClipflowExtension.class)
class SkippableSample {

    @Test
    void needsTheTarget(DeployedClipflow target) {
        fail("must not run: " + target.describe());
    }

    @Test
    void alsoNeedsTheTarget() {
        fail("must not run either");
    }
}
