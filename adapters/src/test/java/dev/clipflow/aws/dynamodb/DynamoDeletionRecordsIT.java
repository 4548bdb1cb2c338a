package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.deletion.DeletionStep;
import dev.clipflow.catalog.deletion.VideoNotDeletingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The deletion's record on the video item against Dynoxide. */
class DynamoDeletionRecordsIT {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final CatalogFixtures fx = new CatalogFixtures();
    private final DynamoVideoRepository videos = new DynamoVideoRepository(fx.dynamo, fx.videosTable);
    private final DynamoDeletionRecords records = new DynamoDeletionRecords(fx.dynamo, fx.videosTable,
            Clock.systemUTC());

    @Test
    void markDeleting_fromAnyStatus_marksItForTheSweeperAsDeleting_andARepeatReturnsItUnchanged() {
        videos.create(CatalogFixtures.video("v-del-1", "c-1", T0));
        assertThat(item("v-del-1")).containsKey("sweepQueue");

        Video deleting = records.markDeleting("v-del-1");
        Video again = records.markDeleting("v-del-1");

        assertThat(deleting.status()).isEqualTo(VideoStatus.DELETING);
        assertThat(again.status()).isEqualTo(VideoStatus.DELETING);
        assertThat(item("v-del-1").get("sweepQueue").s()).isEqualTo("DELETING");
        assertThatThrownBy(() -> records.markDeleting("v-none")).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void steps_areRecordedOnce_andTheTombstoneDropsTheMetadataAndSetsItsExpiry() {
        videos.create(CatalogFixtures.video("v-del-2", "c-1", T0));
        records.markDeleting("v-del-2");
        records.recordDone("v-del-2", DeletionStep.UNLIST);
        records.recordDone("v-del-2", DeletionStep.UNLIST);
        records.recordDone("v-del-2", DeletionStep.MEDIA);

        Video tombstone = records.tombstone("v-del-2", T0.plusSeconds(90L * 86_400));
        Video again = records.tombstone("v-del-2", T0.plusSeconds(1));

        assertThat(records.done("v-del-2")).containsExactly(DeletionStep.UNLIST, DeletionStep.MEDIA);
        assertThat(tombstone.status()).isEqualTo(VideoStatus.DELETED);
        assertThat(tombstone.title()).isNull();
        assertThat(tombstone.tags()).isEmpty();
        assertThat(again).isEqualTo(tombstone);
        assertThat(item("v-del-2").get("expiresAt").n()).isEqualTo(Long.toString(T0.getEpochSecond() + 90L * 86_400));
        assertThat(item("v-del-2")).doesNotContainKeys("title", "description", "tags", "sweepQueue");
    }

    @Test
    void attempts_startAt1_moveOnOnlyFromTheCurrentOne_andOnlyOnADeletingVideo() {
        videos.create(CatalogFixtures.video("v-del-4", "c-1", T0));
        assertThat(records.current("v-del-4")).as("not DELETING").isEmpty();
        assertThat(records.advance("v-del-4", 1)).isFalse();
        records.markDeleting("v-del-4");

        assertThat(records.current("v-del-4")).hasValue(1);
        assertThat(records.touch("v-del-4", 2)).isFalse();
        assertThat(records.touch("v-del-4", 1)).isTrue();
        assertThat(records.advance("v-del-4", 1)).isTrue();
        assertThat(records.advance("v-del-4", 1)).as("moved on already").isFalse();
        assertThat(records.current("v-del-4")).hasValue(2);
        assertThat(records.advance("v-del-4", 2)).isTrue();
        assertThat(records.current("v-del-4")).hasValue(3);

        records.tombstone("v-del-4", T0.plusSeconds(90L * 86_400));
        assertThat(records.current("v-del-4")).isEmpty();
        assertThat(records.advance("v-del-4", 3)).isFalse();
    }

    @Test
    void advanceStalled_onlyPastTheCutoff_movesTheLastChangeToNow() {
        videos.create(CatalogFixtures.video("v-del-5", "c-1", T0));
        new DynamoDeletionRecords(fx.dynamo, fx.videosTable, Clock.fixed(T0, ZoneOffset.UTC)).markDeleting("v-del-5");

        assertThat(records.advanceStalled("v-del-5", T0)).as("changed at the cutoff, not before").isEmpty();
        assertThat(records.advanceStalled("v-del-5", T0.plusSeconds(1))).hasValue(2);
        assertThat(records.advanceStalled("v-del-5", T0.plusSeconds(1))).as("its last change is now").isEmpty();
        assertThat(Instant.parse(item("v-del-5").get("updatedAt").s())).isAfter(T0.plusSeconds(60));
        assertThat(records.current("v-del-5")).hasValue(2);
    }

    @Test
    void recordDone_onAVideoNotBeingDeleted_isRefused() {
        videos.create(CatalogFixtures.video("v-del-3", "c-1", T0));

        assertThatThrownBy(() -> records.recordDone("v-del-3", DeletionStep.MEDIA))
                .isInstanceOf(VideoNotDeletingException.class).hasMessageContaining("AWAITING_UPLOAD");
        assertThat(records.done("v-del-3")).isEmpty();
    }

    private Map<String, AttributeValue> item(String videoId) {
        return fx.dynamo.getItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId", AttributeValue.fromS(videoId))))
                .item();
    }
}
