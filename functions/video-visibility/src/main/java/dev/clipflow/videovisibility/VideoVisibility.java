package dev.clipflow.videovisibility;

import dev.clipflow.catalog.visibility.VisibilityChangeWorkflow;
import dev.clipflow.catalog.visibility.VisibilityStep;
import dev.clipflow.media.MediaKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code videoVisibility} function: one step of the {@code VideoVisibilityChange} state machine
 * (statemachine/video-visibility.asl.json) per call, decoded and handed to {@link VisibilityChangeWorkflow}.
 */
public final class VideoVisibility implements Function<VisibilityTask, VisibilityChangeWorkflow.Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(VideoVisibility.class);

    private final VisibilityChangeWorkflow workflow;

    public VideoVisibility(VisibilityChangeWorkflow workflow) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    @Override
    public VisibilityChangeWorkflow.Outcome apply(VisibilityTask task) {
        if (task == null || !MediaKeys.isValidId(task.videoId())) {
            throw new VisibilityTaskMalformedException("A visibility change step needs a valid videoId");
        }
        VisibilityStep step = Arrays.stream(VisibilityStep.values()).filter(s -> s.name().equals(task.step()))
                .findFirst().orElseThrow(() -> new VisibilityTaskMalformedException("Unknown visibility change step "
                        + task.step() + "; one of " + Arrays.toString(VisibilityStep.values())));
        Instant requestedAt;
        try {
            requestedAt = Instant.parse(Objects.requireNonNullElse(task.requestedAt(), ""));
        } catch (DateTimeParseException e) {
            throw new VisibilityTaskMalformedException("A visibility change step needs the change's requestedAt, an "
                    + "ISO-8601 instant");
        }
        MDC.put("videoId", task.videoId());
        try {
            VisibilityChangeWorkflow.Outcome outcome = workflow.run(step, task.videoId(), requestedAt);
            LOG.info("Visibility change step {}: {}", step, outcome.skipped() ? "skipped, done before"
                    : outcome.detail());
            return outcome;
        } finally {
            MDC.remove("videoId");
        }
    }
}
