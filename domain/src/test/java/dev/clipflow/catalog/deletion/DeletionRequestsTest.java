package dev.clipflow.catalog.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.upload.InMemoryVideos;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DELETE's request and the restarts of the deletion workflow: a repeat while the attempt's execution runs does
 * nothing, one after it ended unfinished starts the next attempt under a new name, and two restarts of the same ended
 * attempt start one execution.
 */
class DeletionRequestsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final InMemoryVideos videos = new InMemoryVideos();
    private final Records records = new Records(videos);
    /** Executions by name, as Step Functions keeps them: a name starts once. */
    private final Map<String, ExecutionState> executions = new HashMap<>();
    private final List<String> started = new ArrayList<>();
    private final DeletionRestarts restarts = new DeletionRestarts(records, (name, input) -> {
        assertThat(input).isEqualTo("{\"videoId\":\"" + name.substring(0, 5) + "\"}");
        boolean existed = executions.putIfAbsent(name, ExecutionState.RUNNING) != null;
        if (!existed) {
            started.add(name);
        }
        return new ExecutionStart("arn:" + name, existed);
    });
    private final DeletionRequests requests = new DeletionRequests(videos, records,
            name -> Optional.ofNullable(executions.get(name)), restarts);

    @Test
    void request_byTheOwner_marksDeletingAndStartsTheFirstAttemptNamedByTheVideo() {
        videos.create(video("vid-1", VideoStatus.PUBLISHED));

        Video answer = requests.request("alice", "vid-1");

        assertThat(answer.status()).isEqualTo(VideoStatus.DELETING);
        assertThat(started).containsExactly("vid-1");
        assertThat(records.attempts).containsEntry("vid-1", 1);
    }

    @Test
    void request_whileTheAttemptRunsOrAfterItSucceeded_startsNothing() {
        videos.create(video("vid-1", VideoStatus.PUBLISHED));
        requests.request("alice", "vid-1");

        requests.request("alice", "vid-1");
        executions.put("vid-1", ExecutionState.SUCCEEDED);
        requests.request("alice", "vid-1");

        assertThat(started).containsExactly("vid-1");
        assertThat(records.attempts).containsEntry("vid-1", 1);
    }

    @Test
    void request_afterTheAttemptEndedUnfinished_startsTheNextAttemptUnderANewName() {
        videos.create(video("vid-1", VideoStatus.PUBLISHED));
        requests.request("alice", "vid-1");
        executions.put("vid-1", ExecutionState.FAILED);

        requests.request("alice", "vid-1");
        requests.request("alice", "vid-1");
        executions.put("vid-1-2", ExecutionState.TIMED_OUT);
        requests.request("alice", "vid-1");
        executions.put("vid-1-3", ExecutionState.ABORTED);
        requests.request("alice", "vid-1");

        assertThat(started).containsExactly("vid-1", "vid-1-2", "vid-1-3", "vid-1-4");
        assertThat(records.attempts).containsEntry("vid-1", 4);
        assertThat(videos.get("vid-1").status()).isEqualTo(VideoStatus.DELETING);
    }

    @Test
    void request_whoseFirstStartFailed_startsThatAttemptOnTheRepeat() {
        videos.create(video("vid-1", VideoStatus.PUBLISHED));
        DeletionRequests failing = new DeletionRequests(videos, records, name -> Optional.empty(),
                new DeletionRestarts(records, (name, input) -> {
                    throw new IllegalStateException("Step Functions unavailable");
                }));
        assertThatThrownBy(() -> failing.request("alice", "vid-1")).hasMessage("Step Functions unavailable");
        assertThat(videos.get("vid-1").status()).isEqualTo(VideoStatus.DELETING);

        requests.request("alice", "vid-1");

        assertThat(started).containsExactly("vid-1");
    }

    @Test
    void restartStalled_onlyWhenUnchangedSinceTheCutoff() {
        videos.create(video("vid-1", VideoStatus.PUBLISHED));
        requests.request("alice", "vid-1");
        records.changedAt.put("vid-1", NOW.minusSeconds(7200));

        assertThat(restarts.restartStalled("vid-1", NOW.minusSeconds(3720))).hasValue(2);
        assertThat(restarts.restartStalled("vid-1", NOW.minusSeconds(3720))).as("changed by the restart").isEmpty();

        assertThat(started).containsExactly("vid-1", "vid-1-2");
    }

    @Test
    void request_bySomeoneElse_isNotFoundAndStartsNothing_andADeletedVideoIsAnsweredAsItIs() {
        videos.create(video("vid-1", VideoStatus.PUBLISHED));
        videos.create(video("vid-2", VideoStatus.DELETED));

        assertThatThrownBy(() -> requests.request("mallory", "vid-1")).isInstanceOf(VideoNotFoundException.class);
        assertThat(requests.request("alice", "vid-2").status()).isEqualTo(VideoStatus.DELETED);

        assertThat(started).isEmpty();
        assertThat(videos.get("vid-1").status()).isEqualTo(VideoStatus.PUBLISHED);
    }

    @Test
    void executionName_isTheVideoIdThenNumbered_andAtMost80Characters() {
        assertThat(DeletionRestarts.executionName("0b6f5c1e-7a8d-4c2e-9f10-2b3c4d5e6f70", 1))
                .isEqualTo("0b6f5c1e-7a8d-4c2e-9f10-2b3c4d5e6f70");
        assertThat(DeletionRestarts.executionName("0b6f5c1e-7a8d-4c2e-9f10-2b3c4d5e6f70", 12))
                .isEqualTo("0b6f5c1e-7a8d-4c2e-9f10-2b3c4d5e6f70-12");
        assertThatThrownBy(() -> DeletionRestarts.executionName("v".repeat(79), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeletionRestarts.executionName("vid-1", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Video video(String id, VideoStatus status) {
        return new Video(id, "chan", "alice", "Title", "", List.of("t"), 1000, "video/mp4", "uploads/" + id
                + "/source.mp4", null, status, null, null, List.of(), null, Map.of(), NOW, NOW);
    }

    /** {@link DeletionRecords} and {@link DeletionAttempts} over the in-memory videos (test double). */
    static final class Records implements DeletionRecords, DeletionAttempts {
        final InMemoryVideos videos;
        final Map<String, Integer> attempts = new HashMap<>();
        final Map<String, Instant> changedAt = new HashMap<>();

        Records(InMemoryVideos videos) {
            this.videos = videos;
        }

        @Override
        public Video markDeleting(String videoId) {
            Video v = videos.get(videoId);
            if (v.status().isDeleted()) {
                return v;
            }
            changedAt.put(videoId, NOW);
            return videos.replace(v, VideoStatus.DELETING);
        }

        @Override
        public Set<DeletionStep> done(String videoId) {
            return EnumSet.noneOf(DeletionStep.class);
        }

        @Override
        public void recordDone(String videoId, DeletionStep step) {
        }

        @Override
        public Video tombstone(String videoId, Instant expiresAt) {
            return videos.replace(videos.get(videoId), VideoStatus.DELETED);
        }

        @Override
        public OptionalInt current(String videoId) {
            return deleting(videoId) ? OptionalInt.of(attempts.getOrDefault(videoId, 1)) : OptionalInt.empty();
        }

        @Override
        public boolean touch(String videoId, int attempt) {
            return onAttempt(videoId, attempt, attempt);
        }

        @Override
        public boolean advance(String videoId, int from) {
            return onAttempt(videoId, from, from + 1);
        }

        @Override
        public OptionalInt advanceStalled(String videoId, Instant changedBefore) {
            if (!deleting(videoId) || !changedAt.get(videoId).isBefore(changedBefore)) {
                return OptionalInt.empty();
            }
            int next = attempts.getOrDefault(videoId, 1) + 1;
            attempts.put(videoId, next);
            changedAt.put(videoId, NOW);
            return OptionalInt.of(next);
        }

        private boolean onAttempt(String videoId, int from, int to) {
            if (!deleting(videoId) || attempts.getOrDefault(videoId, 1) != from) {
                return false;
            }
            attempts.put(videoId, to);
            changedAt.put(videoId, NOW);
            return true;
        }

        private boolean deleting(String videoId) {
            return videos.find(videoId).map(v -> v.status() == VideoStatus.DELETING).orElse(false);
        }
    }
}
