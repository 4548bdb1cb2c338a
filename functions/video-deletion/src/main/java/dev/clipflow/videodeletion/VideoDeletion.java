package dev.clipflow.videodeletion;

import dev.clipflow.catalog.deletion.DeletionStep;
import dev.clipflow.catalog.deletion.DeletionWorkflow;
import dev.clipflow.media.MediaKeys;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code videoDeletion} function: one step of the {@code VideoDeletion} state machine
 * (statemachine/video-deletion.asl.json) per call, decoded and handed to {@link DeletionWorkflow}.
 */
public final class VideoDeletion implements Function<DeletionTask, DeletionWorkflow.Outcome> {
    private static final Logger LOG = LoggerFactory.getLogger(VideoDeletion.class);

    private final DeletionWorkflow workflow;

    public VideoDeletion(DeletionWorkflow workflow) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    @Override
    public DeletionWorkflow.Outcome apply(DeletionTask task) {
        if (task == null || task.videoId() == null || !MediaKeys.isValidId(task.videoId())) {
            throw new DeletionTaskMalformedException("A deletion step needs a valid videoId");
        }
        DeletionStep step = Arrays.stream(DeletionStep.values()).filter(s -> s.name().equals(task.step()))
                .findFirst().orElseThrow(() -> new DeletionTaskMalformedException("Unknown deletion step "
                        + task.step() + "; one of " + Arrays.toString(DeletionStep.values())));
        MDC.put("videoId", task.videoId());
        try {
            DeletionWorkflow.Outcome outcome = workflow.run(step, task.videoId());
            LOG.info("Deletion step {}: {}", step, outcome.skipped() ? "skipped, done before" : outcome.detail());
            return outcome;
        } finally {
            MDC.remove("videoId");
        }
    }
}
