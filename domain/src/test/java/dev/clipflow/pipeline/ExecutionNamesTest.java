package dev.clipflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutionNamesTest {
    private static final SourceObject SOURCE =
            new SourceObject("uploads", "uploads/c-1/v-1/my vidéo + 1.mp4", 10, "etag", null, "0055AED6DCD90281E5");

    @Test
    void forUpload_sameObject_sameName() {
        assertThat(ExecutionNames.forUpload("vid-1", SOURCE)).isEqualTo(ExecutionNames.forUpload("vid-1", SOURCE));
    }

    @Test
    void forUpload_otherSequencerOrVersion_otherName() {
        SourceObject later = new SourceObject("uploads", SOURCE.key(), 10, "etag", null, "0055AED6DCD90281E6");
        SourceObject versioned = new SourceObject("uploads", SOURCE.key(), 10, "etag", "v2", SOURCE.sequencer());

        assertThat(ExecutionNames.forUpload("vid-1", later)).isNotEqualTo(ExecutionNames.forUpload("vid-1", SOURCE));
        assertThat(ExecutionNames.forUpload("vid-1", versioned))
                .isNotEqualTo(ExecutionNames.forUpload("vid-1", SOURCE));
    }

    @Test
    void forUpload_longestVideoId_fitsStepFunctionsNameRules() {
        String videoId = "a" + "b".repeat(62) + "c";

        String name = ExecutionNames.forUpload(videoId, SOURCE);

        assertThat(name).hasSize(ExecutionNames.MAX_LENGTH).matches("[A-Za-z0-9_-]+").startsWith(videoId + "-");
    }
}
