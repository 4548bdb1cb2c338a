package dev.clipflow.catalog.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.events.VideoEdited;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.upload.InMemoryVideos;
import dev.clipflow.catalog.upload.VideoMetadataInvalidException;
import dev.clipflow.catalog.visibility.PendingVisibilityChange;
import dev.clipflow.catalog.visibility.VisibilityChangeExecutions;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoEditingTest {
    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final String FIRST = "v1-visibility-" + NOW.toEpochMilli();

    private final InMemoryVideos videos = new InMemoryVideos();
    private final InMemoryVideoEdits edits = new InMemoryVideoEdits(videos);
    private final List<VideoEvent> events = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    /** Executions by name, as Step Functions keeps them: a name starts once. */
    private final Map<String, ExecutionState> executions = new HashMap<>();
    private final InMemoryChangeAttempts attempts = new InMemoryChangeAttempts(videos);
    private boolean stepFunctionsDown;
    private final VideoEditing editing = new VideoEditing(videos, edits, events::add, Clock.fixed(NOW, ZoneOffset.UTC),
            new VisibilityChangeExecutions(attempts, (name, input) -> {
                if (stepFunctionsDown) {
                    throw new IllegalStateException("Step Functions unavailable");
                }
                boolean existed = executions.putIfAbsent(name, ExecutionState.RUNNING) != null;
                if (!existed) {
                    started.add(name + " " + input);
                }
                return new ExecutionStart("arn:" + name, existed);
            }, name -> Optional.ofNullable(executions.get(name))));

    @Test
    void edit_title_changesOnlyTheTitleAndAnnouncesTheWholeTextAtTheNewRevision() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        EditedVideo edited = editing.edit("alice", "v1", new VideoChanges("  Sunset over the bay ", null, null));

        assertThat(edited.revision()).isEqualTo(1);
        assertThat(edited.video().title()).isEqualTo("Sunset over the bay");
        assertThat(edited.video().description()).isEqualTo("Old description");
        assertThat(edited.video().tags()).containsExactly("sea");
        assertThat(videos.get("v1").title()).isEqualTo("Sunset over the bay");
        assertThat(events).singleElement().isInstanceOfSatisfying(VideoEdited.class, e -> {
            assertThat(e.revision()).isEqualTo(1);
            assertThat(e.status()).isEqualTo(VideoStatus.PUBLISHED);
            assertThat(e.title()).isEqualTo("Sunset over the bay");
            assertThat(e.description()).isEqualTo("Old description");
            assertThat(e.tags()).containsExactly("sea");
            assertThat(e.subject().ownerId()).isEqualTo("alice");
            assertThat(e.subject().occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void edit_twice_countsTheRevision() {
        video("v1", "alice", VideoStatus.PROCESSING);

        editing.edit("alice", "v1", new VideoChanges(null, "first", null));
        EditedVideo second = editing.edit("alice", "v1", new VideoChanges(null, null, List.of("a", "A", " b ")));

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.video().description()).isEqualTo("first");
        assertThat(second.video().tags()).containsExactly("a", "b");
        assertThat(events).hasSize(2);
    }

    @Test
    void edit_invalidField_isRefusedAsAtUploadAndChangesNothing() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges("x".repeat(101), null, null)))
                .isInstanceOfSatisfying(VideoMetadataInvalidException.class, e -> assertThat(e.field())
                        .isEqualTo("title"));
        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges("", null, null)))
                .isInstanceOf(VideoMetadataInvalidException.class);
        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges(null, null,
                java.util.Collections.nCopies(31, "t"))))
                .isInstanceOfSatisfying(VideoMetadataInvalidException.class, e -> assertThat(e.field())
                        .isEqualTo("tags"));

        assertThat(videos.get("v1").title()).isEqualTo("Old title");
        assertThat(events).isEmpty();
        assertThat(edits.revisions).isEmpty();
    }

    @Test
    void edit_byAnotherUserOrOfAnUnknownVideo_isNotFound() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        assertThatThrownBy(() -> editing.edit("mallory", "v1", new VideoChanges("Mine now", null, null)))
                .isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> editing.edit("alice", "nope", new VideoChanges("T", null, null)))
                .isInstanceOf(VideoNotFoundException.class);
        assertThat(videos.get("v1").title()).isEqualTo("Old title");
        assertThat(events).isEmpty();
    }

    @Test
    void edit_visibilityBeforeTheUpload_isStoredWithTheOtherFields() {
        video("v1", "alice", VideoStatus.AWAITING_UPLOAD);

        EditedVideo edited = editing.edit("alice", "v1",
                new VideoChanges("Private now", null, null, Visibility.PRIVATE));

        assertThat(edited.video().visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(videos.get("v1").visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(videos.get("v1").title()).isEqualTo("Private now");
        assertThat(edited.revision()).isEqualTo(1);
        assertThat(events).singleElement().isInstanceOf(VideoEdited.class);
    }

    @Test
    void edit_visibilityWhileTheMediaIsWrittenOrNeverWas_isRefusedAndChangesNothing() {
        for (VideoStatus status : List.of(VideoStatus.PROCESSING, VideoStatus.FAILED)) {
            String id = "v-" + status;
            video(id, "alice", status);

            assertThatThrownBy(() -> editing.edit("alice", id,
                    new VideoChanges("Hidden", null, null, Visibility.UNLISTED)))
                    .isInstanceOfSatisfying(VideoVisibilityFixedException.class, e -> {
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.getMessage()).contains("before its upload completes or once it is PUBLISHED");
                    });

            assertThat(videos.get(id).visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(videos.get(id).title()).isEqualTo("Old title");
        }
        assertThat(events).isEmpty();
        assertThat(edits.revisions).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void edit_visibilityOfAPublishedVideo_recordsTheChangeAsPendingAndStartsItsWorkflow() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        EditedVideo edited = editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));

        Video.VisibilityChange change = new Video.VisibilityChange(Visibility.PUBLIC, Visibility.PRIVATE, NOW);
        assertThat(edited.visibilityChangeStarted()).isEqualTo(change);
        assertThat(edited.video().visibility()).as("unchanged until the switch").isEqualTo(Visibility.PUBLIC);
        assertThat(videos.get("v1").visibilityChange()).isEqualTo(change);
        assertThat(started).containsExactly("v1-visibility-" + NOW.toEpochMilli() + " {\"schemaVersion\":1,"
                + "\"videoId\":\"v1\",\"channelId\":\"chan-1\",\"to\":\"PRIVATE\",\"requestedAt\":\"" + NOW + "\"}");
        assertThat(events).as("the text did not change: no Video Edited").isEmpty();
    }

    @Test
    void edit_visibilityAndTitleOfAPublishedVideo_storesTheTitleAndAnnouncesItToo() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        EditedVideo edited = editing.edit("alice", "v1", new VideoChanges("Hidden now", null, null,
                Visibility.UNLISTED));

        assertThat(edited.video().title()).isEqualTo("Hidden now");
        assertThat(edited.visibilityChangeStarted().to()).isEqualTo(Visibility.UNLISTED);
        assertThat(events).singleElement().isInstanceOfSatisfying(VideoEdited.class,
                e -> assertThat(e.title()).isEqualTo("Hidden now"));
        assertThat(started).hasSize(1);
    }

    @Test
    void edit_theVisibilityItHas_startsNothing() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        EditedVideo edited = editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PUBLIC));

        assertThat(edited.visibilityChangeStarted()).isNull();
        assertThat(videos.get("v1").visibilityChange()).isNull();
        assertThat(started).isEmpty();
    }

    @Test
    void edit_whileAChangeIsInProgress_anotherVisibilityIsRefused_theSameStartsNothingWhileItRuns() {
        video("v1", "alice", VideoStatus.PUBLISHED);
        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));

        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges("New", null, null,
                Visibility.UNLISTED))).isInstanceOfSatisfying(VideoVisibilityChangingException.class,
                e -> assertThat(e.changingTo()).isEqualTo(Visibility.PRIVATE));
        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges(null, null, null,
                Visibility.PUBLIC))).as("the visibility it has now, but the change goes elsewhere")
                .isInstanceOf(VideoVisibilityChangingException.class);
        assertThat(videos.get("v1").title()).isEqualTo("Old title");

        EditedVideo again = editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));

        assertThat(again.visibilityChangeStarted().requestedAt()).isEqualTo(NOW);
        executions.put(FIRST, ExecutionState.SUCCEEDED);
        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));
        assertThat(started).singleElement().asString().startsWith(FIRST + " ");
        assertThat(editing.edit("alice", "v1", new VideoChanges("Title only", null, null))
                .visibilityChangeStarted()).isNull();
    }

    @Test
    void edit_theSameVisibilityAfterItsWorkflowEndedUnfinished_restartsItUnderTheNextAttempt() {
        video("v1", "alice", VideoStatus.PUBLISHED);
        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));
        executions.put(FIRST, ExecutionState.FAILED);

        EditedVideo restarted = editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));
        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));
        executions.put(FIRST + "-2", ExecutionState.TIMED_OUT);
        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));
        executions.put(FIRST + "-3", ExecutionState.ABORTED);
        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));

        assertThat(restarted.visibilityChangeStarted().to()).isEqualTo(Visibility.PRIVATE);
        assertThat(started).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly(FIRST, FIRST + "-2", FIRST + "-3", FIRST + "-4");
        assertThat(started).as("every attempt carries the change").allMatch(s -> s.endsWith(" {\"schemaVersion\":1,"
                + "\"videoId\":\"v1\",\"channelId\":\"chan-1\",\"to\":\"PRIVATE\",\"requestedAt\":\"" + NOW + "\"}"));
        assertThat(attempts.current(PendingVisibilityChange.of(videos.get("v1"), videos.get("v1").visibilityChange())))
                .hasValue(4);
        assertThat(videos.get("v1").visibilityChange().requestedAt()).as("the same change").isEqualTo(NOW);
    }

    @Test
    void edit_theSameVisibilityAfterTheFirstStartFailed_startsTheFirstAttempt() {
        video("v1", "alice", VideoStatus.PUBLISHED);
        stepFunctionsDown = true;
        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE)))
                .hasMessage("Step Functions unavailable");
        assertThat(videos.get("v1").visibilityChange()).as("recorded before the start").isNotNull();
        stepFunctionsDown = false;

        editing.edit("alice", "v1", new VideoChanges(null, null, null, Visibility.PRIVATE));

        assertThat(started).singleElement().asString().startsWith(FIRST + " ");
    }

    @Test
    void executionName_ofAChange_isNamedByItsRequestTimeThenNumbered_andAtMost80Characters() {
        var change = new Video.VisibilityChange(Visibility.PUBLIC, Visibility.PRIVATE, NOW);
        String id = "0b6f5c1e-7a8d-4c2e-9f10-2b3c4d5e6f70";

        assertThat(VisibilityChangeExecutions.executionName(id, change, 1))
                .isEqualTo(id + "-visibility-" + NOW.toEpochMilli()).hasSize(61);
        assertThat(VisibilityChangeExecutions.executionName(id, change, 12))
                .isEqualTo(id + "-visibility-" + NOW.toEpochMilli() + "-12");
        assertThatThrownBy(() -> VisibilityChangeExecutions.executionName("v".repeat(60), change, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void edit_nothing_isRefused() {
        video("v1", "alice", VideoStatus.PUBLISHED);

        assertThatThrownBy(() -> editing.edit("alice", "v1", new VideoChanges(null, null, null)))
                .isInstanceOf(VideoChangesEmptyException.class);
        assertThat(events).isEmpty();
    }

    private void video(String id, String owner, VideoStatus status) {
        videos.create(new Video(id, "chan-1", owner, "Old title", "Old description", List.of("sea"), 100,
                "video/mp4", "uploads/" + id, null, status, null, null, List.of(), null, null, NOW, NOW));
    }
}
