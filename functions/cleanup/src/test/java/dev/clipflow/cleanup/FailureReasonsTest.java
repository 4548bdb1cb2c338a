package dev.clipflow.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    @Test
    void from_mediaRejected_givesTheCreatorSentenceOnly() {
        String cause = "{\"errorMessage\":\"AUDIO_ONLY: The uploaded file contains only audio; a video needs a picture."
                + " (streams: audio aac)\",\"errorType\":\"dev.clipflow.media.MediaRejectedException\","
                + "\"stackTrace\":[\"dev.clipflow.probe.Probe.apply(Probe.java:42)\"]}";

        String reason = FailureReasons.from(new PipelineError("dev.clipflow.media.MediaRejectedException", cause));

        assertThat(reason).isEqualTo("The uploaded file contains only audio; a video needs a picture.");
    }

    @Test
    void from_rejectedWithUnknownReasonName_keepsMessageButNeverTheStack() {
        String cause = "{\"errorMessage\":\"Something odd\\nsecond line\",\"errorType\":\"x.FooRejectedException\","
                + "\"stackTrace\":[\"x.Foo.bar(Foo.java:1)\"]}";

        assertThat(FailureReasons.from(new PipelineError("x.FooRejectedException", cause)))
                .isEqualTo("Something odd second line");
    }

    @Test
    void from_timeout_saysTimeLimit() {
        assertThat(FailureReasons.from(new PipelineError("States.Timeout", "Task timed out after 930.00 seconds")))
                .isEqualTo("Processing took longer than the time limit and was stopped.");
    }

    @Test
    void from_transientAfterRetries_saysServiceUnavailable() {
        String cause = "{\"errorMessage\":\"S3 503 SlowDown\","
                + "\"errorType\":\"dev.clipflow.pipeline.TransientStageException\"}";

        assertThat(FailureReasons.from(new PipelineError("dev.clipflow.pipeline.TransientStageException", cause)))
                .contains("service was unavailable");
        assertThat(FailureReasons.from(new PipelineError("Lambda.ServiceException", "Lambda is down")))
                .contains("service was unavailable");
    }

    @Test
    void from_unexpectedException_namesItsSimpleClassNotItsMessage() {
        String cause = "{\"errorMessage\":\"Cannot invoke \\\"String.length()\\\" because secret is null\","
                + "\"errorType\":\"java.lang.NullPointerException\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}";

        String reason = FailureReasons.from(new PipelineError("java.lang.NullPointerException", cause));

        assertThat(reason).isEqualTo("Processing failed because of an internal error (NullPointerException).")
                .doesNotContain("secret");
    }

    @Test
    void from_noErrorAtAll_stillReadable() {
        assertThat(FailureReasons.from(null))
                .isEqualTo("Processing failed because of an internal error (unknown error).");
    }

    @Test
    void from_hugeMessage_isCapped() {
        String cause = "{\"errorMessage\":\"" + "x".repeat(5000) + "\",\"errorType\":\"a.BigRejectedException\"}";

        assertThat(FailureReasons.from(new PipelineError("a.BigRejectedException", cause)))
                .hasSize(FailureReasons.MAX_LENGTH);
    }
}
