package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.edit.EditedVideo;
import dev.clipflow.catalog.edit.VideoChanges;
import dev.clipflow.catalog.edit.VideoVisibilityChangingException;
import dev.clipflow.catalog.edit.VideoVisibilityFixedException;
import dev.clipflow.catalog.upload.VideoMetadata;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoVideoEditsIT {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EDIT = Instant.parse("2026-12-07T11:00:00Z");
    private static final VideoMetadata NEW = new VideoMetadata("New title", "New description", List.of("dogs"));

    private final CatalogFixtures fx = new CatalogFixtures();
    private final DynamoVideoRepository repo = new DynamoVideoRepository(fx.dynamo, fx.videosTable);
    private final DynamoVideoEdits edits = new DynamoVideoEdits(fx.dynamo, fx.videosTable);

    @Test
    void edit_setsOnlyTheNamedFields_countsTheRevision_andLeavesTheLifecycleClock() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));

        EditedVideo first = edits.edit("v-1", "user-1", NEW, null, EnumSet.of(VideoChanges.Field.TITLE), null, EDIT);
        EditedVideo second = edits.edit("v-1", "user-1", NEW, null,
                EnumSet.of(VideoChanges.Field.DESCRIPTION, VideoChanges.Field.TAGS), null, EDIT.plusSeconds(1));

        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.video().title()).isEqualTo("New title");
        assertThat(first.video().description()).isEqualTo("A description");
        assertThat(second.revision()).isEqualTo(2);
        Video stored = repo.get("v-1");
        assertThat(stored).isEqualTo(second.video());
        assertThat(stored.title()).isEqualTo("New title");
        assertThat(stored.description()).isEqualTo("New description");
        assertThat(stored.tags()).containsExactly("dogs");
        assertThat(stored.updatedAt()).isEqualTo(T0);
        assertThat(stored.status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
        var item = fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s("v-1"))))
                .item();
        assertThat(Items.lng(item, DynamoVideoEdits.REVISION)).isEqualTo(2);
        assertThat(Items.instant(item, DynamoVideoEdits.EDITED_AT)).isEqualTo(EDIT.plusSeconds(1));
    }

    @Test
    void edit_byAnotherUserOrOfAnUnknownVideo_isNotFoundAndChangesNothing() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));

        assertThatThrownBy(() -> edits.edit("v-1", "user-2", NEW, null, Set.of(VideoChanges.Field.TITLE), null, EDIT))
                .isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> edits.edit("v-2", "user-1", NEW, null, Set.of(VideoChanges.Field.TITLE), null, EDIT))
                .isInstanceOf(VideoNotFoundException.class);

        assertThat(repo.get("v-1").title()).isEqualTo("Title v-1");
        assertThat(repo.find("v-2")).isEmpty();
    }

    @Test
    void edit_ofAVideoBeingDeleted_isNotFound() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        for (String gone : DynamoVideoEdits.GONE) {
            fx.dynamo.updateItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s("v-1")))
                    .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", Items.s(gone))));

            assertThatThrownBy(() -> edits.edit("v-1", "user-1", NEW, null, Set.of(VideoChanges.Field.TITLE), null,
                    EDIT))
                    .isInstanceOf(VideoNotFoundException.class);
        }
        var item = fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s("v-1"))))
                .item();
        assertThat(Items.str(item, "title")).isEqualTo("Title v-1");
        assertThat(item).doesNotContainKey(DynamoVideoEdits.REVISION);
    }

    @Test
    void edit_visibilityWhileAwaitingTheUpload_isStoredInTheSameWrite() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));

        EditedVideo edited = edits.edit("v-1", "user-1", NEW, Visibility.UNLISTED,
                EnumSet.of(VideoChanges.Field.TITLE, VideoChanges.Field.VISIBILITY), null, EDIT);

        assertThat(edited.video().visibility()).isEqualTo(Visibility.UNLISTED);
        assertThat(edited.revision()).isEqualTo(1);
        Video stored = repo.get("v-1");
        assertThat(stored.visibility()).isEqualTo(Visibility.UNLISTED);
        assertThat(stored.title()).isEqualTo("New title");
        assertThat(stored.status()).isEqualTo(VideoStatus.AWAITING_UPLOAD);
    }

    @Test
    void edit_visibilityAfterTheUploadCompleted_isRefusedAndWritesNothing() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        var before = fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s("v-1"))))
                .item();

        assertThatThrownBy(() -> edits.edit("v-1", "user-1", NEW, Visibility.PRIVATE,
                EnumSet.of(VideoChanges.Field.TITLE, VideoChanges.Field.VISIBILITY), null, EDIT))
                .isInstanceOfSatisfying(VideoVisibilityFixedException.class,
                        e -> assertThat(e.status()).isEqualTo(VideoStatus.PROCESSING));
        assertThatThrownBy(() -> edits.edit("v-1", "user-2", NEW, Visibility.PRIVATE,
                EnumSet.of(VideoChanges.Field.VISIBILITY), null, EDIT))
                .isInstanceOf(VideoNotFoundException.class);

        var after = fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s("v-1"))))
                .item();
        assertThat(after).isEqualTo(before);
        assertThat(repo.get("v-1").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(repo.get("v-1").title()).isEqualTo("Title v-1");
    }

    @Test
    void edit_visibilityOfAPublishedVideo_recordsThePendingChangeInTheSameWrite_andASecondIsRefused() {
        published("v-1");
        Video.VisibilityChange change = new Video.VisibilityChange(Visibility.PUBLIC, Visibility.PRIVATE, EDIT);

        EditedVideo edited = edits.edit("v-1", "user-1", NEW, null, EnumSet.of(VideoChanges.Field.TITLE), change,
                EDIT);

        assertThat(edited.video().visibilityChange()).isEqualTo(change);
        assertThat(edited.video().visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(edited.video().title()).isEqualTo("New title");
        assertThat(repo.get("v-1").visibilityChange()).isEqualTo(change);
        var before = item("v-1");
        assertThat(Items.map(before, "visibilityChange")).containsKeys("from", "to", "requestedAt", "steps");

        Video.VisibilityChange other = new Video.VisibilityChange(Visibility.PUBLIC, Visibility.UNLISTED,
                EDIT.plusSeconds(1));
        assertThatThrownBy(() -> edits.edit("v-1", "user-1", new VideoMetadata("Other", "", List.of()), null,
                EnumSet.of(VideoChanges.Field.TITLE), other, EDIT.plusSeconds(1)))
                .isInstanceOfSatisfying(VideoVisibilityChangingException.class,
                        e -> assertThat(e.changingTo()).isEqualTo(Visibility.PRIVATE));
        assertThatThrownBy(() -> edits.edit("v-1", "user-2", NEW, null, Set.of(), other, EDIT.plusSeconds(1)))
                .isInstanceOf(VideoNotFoundException.class);
        assertThat(item("v-1")).isEqualTo(before);
    }

    @Test
    void edit_visibilityChangeFromAVisibilityTheVideoNoLongerHas_isRefused() {
        published("v-1");

        assertThatThrownBy(() -> edits.edit("v-1", "user-1", NEW, null, Set.of(),
                new Video.VisibilityChange(Visibility.UNLISTED, Visibility.PRIVATE, EDIT), EDIT))
                .isInstanceOfSatisfying(VideoVisibilityChangingException.class,
                        e -> assertThat(e.changingTo()).isNull());
        assertThat(repo.get("v-1").visibilityChange()).isNull();
    }

    @Test
    void edit_visibilityChangeOfAVideoNotPublished_isRefusedAsFixed() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);

        assertThatThrownBy(() -> edits.edit("v-1", "user-1", NEW, null, Set.of(),
                new Video.VisibilityChange(Visibility.PUBLIC, Visibility.PRIVATE, EDIT), EDIT))
                .isInstanceOf(VideoVisibilityFixedException.class);
        assertThat(repo.get("v-1").visibilityChange()).isNull();
    }

    private void published(String videoId) {
        repo.create(CatalogFixtures.video(videoId, "ch-1", T0));
        repo.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        repo.publish(videoId, List.of(), new Video.PublishedAssets("videos/" + videoId + "/hls/master.m3u8",
                null, null, null));
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(String videoId) {
        return fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s(videoId)))).item();
    }
}
