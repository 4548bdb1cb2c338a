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

        EditedVideo first = edits.edit("v-1", "user-1", NEW, null, EnumSet.of(VideoChanges.Field.TITLE), EDIT);
        EditedVideo second = edits.edit("v-1", "user-1", NEW, null,
                EnumSet.of(VideoChanges.Field.DESCRIPTION, VideoChanges.Field.TAGS), EDIT.plusSeconds(1));

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

        assertThatThrownBy(() -> edits.edit("v-1", "user-2", NEW, null, Set.of(VideoChanges.Field.TITLE), EDIT))
                .isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> edits.edit("v-2", "user-1", NEW, null, Set.of(VideoChanges.Field.TITLE), EDIT))
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

            assertThatThrownBy(() -> edits.edit("v-1", "user-1", NEW, null, Set.of(VideoChanges.Field.TITLE), EDIT))
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
                EnumSet.of(VideoChanges.Field.TITLE, VideoChanges.Field.VISIBILITY), EDIT);

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
                EnumSet.of(VideoChanges.Field.TITLE, VideoChanges.Field.VISIBILITY), EDIT))
                .isInstanceOfSatisfying(VideoVisibilityFixedException.class,
                        e -> assertThat(e.status()).isEqualTo(VideoStatus.PROCESSING));
        assertThatThrownBy(() -> edits.edit("v-1", "user-2", NEW, Visibility.PRIVATE,
                EnumSet.of(VideoChanges.Field.VISIBILITY), EDIT))
                .isInstanceOf(VideoNotFoundException.class);

        var after = fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", Items.s("v-1"))))
                .item();
        assertThat(after).isEqualTo(before);
        assertThat(repo.get("v-1").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(repo.get("v-1").title()).isEqualTo("Title v-1");
    }
}
