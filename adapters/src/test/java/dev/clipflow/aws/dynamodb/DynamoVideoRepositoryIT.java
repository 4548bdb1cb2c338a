package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.catalog.Page;
import dev.clipflow.catalog.PageCursorInvalidException;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotFoundException;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.VideoTransitionException;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.cost.StageUsage;
import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.Rendition;
import dev.clipflow.pipeline.TransientStageException;
import dev.clipflow.testing.Emulators;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoVideoRepositoryIT {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final MediaInfo MEDIA = new MediaInfo(12.5, 1920, 1080, 90, 1080, 1920, 29.97,
            "h264", null, 4_000_000L, "mov,mp4,m4a,3gp,3g2,mj2");
    private static final List<Rendition> RENDITIONS = List.of(
            new Rendition("240p", 136, 240, 400_000L, "videos/v-1/hls/240p/index.m3u8", 1000L),
            new Rendition("720p", 406, 720, 2_800_000L, "videos/v-1/hls/720p/index.m3u8", 5000L));
    private static final Video.PublishedAssets ASSETS = new Video.PublishedAssets("videos/v-1/hls/master.m3u8",
            "videos/v-1/poster.jpg", "videos/v-1/thumbnails/sprite.jpg", "videos/v-1/thumbnails/thumbnails.vtt");

    private final CatalogFixtures fx = new CatalogFixtures();
    private final DynamoVideoRepository repo = new DynamoVideoRepository(fx.dynamo, fx.videosTable);

    @Test
    void create_thenFind_returnsTheSameVideo() {
        Video video = CatalogFixtures.video("v-1", "ch-1", T0.plusNanos(123_456_789));
        repo.create(video);

        assertThat(repo.find("v-1")).contains(video);
        assertThat(repo.find("v-2")).isEmpty();
        assertThatThrownBy(() -> repo.get("v-2")).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void create_takenId_throwsIllegalState() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));

        assertThatThrownBy(() -> repo.create(CatalogFixtures.video("v-1", "ch-2", T0)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repo.get("v-1").channelId()).isEqualTo("ch-1");
    }

    @Test
    void transition_fromCurrentStatus_movesAndRepeatIsNoOp() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));

        Video moved = repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        Video again = repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);

        assertThat(moved.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(again.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(moved.title()).isEqualTo("Title v-1");
        assertThat(repo.get("v-1").status()).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void transition_fromAnotherStatus_throwsAndLeavesTheVideo() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        repo.fail("v-1", "upload aborted by the creator");

        assertThatThrownBy(() -> repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING))
                .isInstanceOf(VideoTransitionException.class).hasMessageContaining("FAILED");
        assertThatThrownBy(() -> repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PUBLISHED))
                .isInstanceOf(VideoTransitionException.class);
        assertThatThrownBy(() -> repo.transition("nope", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING))
                .isInstanceOf(VideoNotFoundException.class);
        assertThat(repo.get("v-1").status()).isEqualTo(VideoStatus.FAILED);
    }

    @Test
    void publish_processingVideo_storesRenditionsAndAssets_repeatIsNoOp() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        repo.recordMedia("v-1", MEDIA);

        Video published = repo.publish("v-1", RENDITIONS, ASSETS);
        Video again = repo.publish("v-1", RENDITIONS, ASSETS);

        assertThat(published.status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(published.renditions()).isEqualTo(RENDITIONS);
        assertThat(published.assets()).isEqualTo(ASSETS);
        assertThat(published.media()).isEqualTo(MEDIA);
        assertThat(again).isEqualTo(repo.get("v-1"));
    }

    @Test
    void publish_awaitingOrFailedVideo_throwsTransition() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        assertThatThrownBy(() -> repo.publish("v-1", RENDITIONS, ASSETS)).isInstanceOf(VideoTransitionException.class);
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        repo.fail("v-1", "corrupt source");

        assertThatThrownBy(() -> repo.publish("v-1", RENDITIONS, ASSETS)).isInstanceOf(VideoTransitionException.class);
        assertThat(repo.get("v-1").renditions()).isEmpty();
        assertThatThrownBy(() -> repo.publish("nope", RENDITIONS, ASSETS)).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void fail_keepsTheFirstReason_andNeverUnpublishes() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);

        repo.fail("v-1", "the file is not a video");
        Video again = repo.fail("v-1", "another reason");

        assertThat(again.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(again.failureReason()).isEqualTo("the file is not a video");

        repo.create(CatalogFixtures.video("v-2", "ch-1", T0));
        repo.transition("v-2", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        repo.publish("v-2", RENDITIONS, ASSETS);
        assertThatThrownBy(() -> repo.fail("v-2", "late failure")).isInstanceOf(VideoTransitionException.class);
        assertThat(repo.get("v-2").status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(repo.get("v-2").failureReason()).isNull();
        assertThatThrownBy(() -> repo.fail("nope", "x")).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void recordChunkDone_countsEachChunkOnce_onlyWhileProcessing() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        assertThat(repo.recordChunkDone("v-1", 0)).isEmpty();
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);

        var first = repo.recordChunkDone("v-1", 3).orElseThrow();
        var retried = repo.recordChunkDone("v-1", 3);
        var second = repo.recordChunkDone("v-1", 0).orElseThrow();

        assertThat(first.done()).isEqualTo(1);
        assertThat(first.video().ownerId()).isEqualTo(repo.get("v-1").ownerId());
        assertThat(retried).isEmpty();
        assertThat(second.done()).isEqualTo(2);
        repo.fail("v-1", "a chunk failed");
        assertThat(repo.recordChunkDone("v-1", 1)).isEmpty();
        assertThat(repo.recordChunkDone("nope", 0)).isEmpty();
    }

    @Test
    void recordProgress_onlyWhileProcessingAndOnlyForward_readBackOnlyWhileProcessing() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        assertThat(repo.recordProgress("v-1", new Video.Progress("probe", 5))).isEmpty();
        assertThat(repo.get("v-1").progress()).isNull();
        repo.transition("v-1", VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);

        Video probing = repo.recordProgress("v-1", new Video.Progress("probe", 5)).orElseThrow();
        Video transcoding = repo.recordProgress("v-1", new Video.Progress("transcode", 15)).orElseThrow();
        var late = repo.recordProgress("v-1", new Video.Progress("probe", 10));

        assertThat(probing.progress()).isEqualTo(new Video.Progress("probe", 5));
        assertThat(probing.ownerId()).isEqualTo(repo.get("v-1").ownerId());
        assertThat(transcoding.progress()).isEqualTo(new Video.Progress("transcode", 15));
        assertThat(late).isEmpty();
        assertThat(repo.get("v-1").progress()).isEqualTo(new Video.Progress("transcode", 15));
        assertThat(repo.recordProgress("v-1", new Video.Progress("transcode", 15))).isPresent();

        repo.publish("v-1", RENDITIONS, ASSETS);
        assertThat(repo.get("v-1").progress()).isNull();
        assertThat(repo.recordProgress("v-1", new Video.Progress("stitch", 95))).isEmpty();
        assertThat(repo.recordProgress("nope", new Video.Progress("probe", 5))).isEmpty();
    }

    @Test
    void recordUsage_perStage_replacesOnlyThatStage() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        StageUsage probe = new StageUsage("probe", 1, 800, 1024, 2, 0);
        StageUsage transcode = new StageUsage("transcode", 1, 60_000, 3008, 3, 50_000_000L);
        StageUsage transcodeRetried = new StageUsage("transcode", 2, 95_000, 3008, 5, 50_000_000L);

        repo.recordUsage("v-1", probe);
        repo.recordUsage("v-1", transcode);
        repo.recordUsage("v-1", transcodeRetried);

        assertThat(repo.get("v-1").usage()).isEqualTo(Map.of("probe", probe, "transcode", transcodeRetried));
        assertThatThrownBy(() -> repo.recordUsage("nope", probe)).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void recordMediaAndClearUploadId_unknownVideo_throwNotFound() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));

        repo.clearUploadId("v-1");
        repo.clearUploadId("v-1");

        assertThat(repo.get("v-1").uploadId()).isNull();
        assertThatThrownBy(() -> repo.clearUploadId("nope")).isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> repo.recordMedia("nope", MEDIA)).isInstanceOf(VideoNotFoundException.class);
        assertThat(repo.find("nope")).isEmpty();
    }

    @Test
    void listByChannel_pagesNewestFirst_onlyThatChannel() {
        for (int i = 0; i < 7; i++) {
            repo.create(CatalogFixtures.video("v-" + i, "ch-1", T0.plus(i, ChronoUnit.MINUTES)));
        }
        repo.create(CatalogFixtures.video("other", "ch-2", T0.plus(1, ChronoUnit.HOURS)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Video> page = repo.listByChannel("ch-1", cursor, 3);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(v -> seen.add(v.videoId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("v-6", "v-5", "v-4", "v-3", "v-2", "v-1", "v-0");
    }

    @Test
    void listByChannel_statusFilter_returnsOnlyThoseStatuses() {
        for (int i = 0; i < 6; i++) {
            repo.create(CatalogFixtures.video("v-" + i, "ch-1", T0.plus(i, ChronoUnit.MINUTES)));
            if (i % 3 == 0) {
                repo.transition("v-" + i, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
                repo.publish("v-" + i, RENDITIONS, ASSETS);
            }
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Video> page = repo.listByChannel("ch-1", EnumSet.of(VideoStatus.PUBLISHED), cursor, 1);
            page.items().forEach(v -> seen.add(v.videoId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("v-3", "v-0");
    }

    @Test
    void visibility_roundTrips_andARecordWithoutOneIsPublic() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0).withVisibility(Visibility.PRIVATE));
        repo.create(CatalogFixtures.video("v-2", "ch-1", T0));
        fx.dynamo.updateItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("v-2")))
                .updateExpression("REMOVE visibility"));

        assertThat(repo.get("v-1").visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(repo.get("v-2").visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void listListedByChannel_andListedAmong_keepOnlyPublishedPublicVideos() {
        Visibility[] visibilities = Visibility.values();
        for (int i = 0; i < 9; i++) {
            repo.create(CatalogFixtures.video("v-" + i, "ch-1", T0.plus(i, ChronoUnit.MINUTES))
                    .withVisibility(visibilities[i % 3]));
            if (i < 6) {
                repo.transition("v-" + i, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
                repo.publish("v-" + i, RENDITIONS, ASSETS);
            }
        }
        // A record written before visibility existed is public.
        fx.dynamo.updateItem(r -> r.tableName(fx.videosTable).key(Map.of("videoId",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("v-0")))
                .updateExpression("REMOVE visibility"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Video> page = repo.listListedByChannel("ch-1", cursor, 1);
            page.items().forEach(v -> seen.add(v.videoId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(seen).containsExactly("v-3", "v-0");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add("missing-" + i);
        }
        many.addAll(List.of("v-0", "v-1", "v-2", "v-3", "v-4", "v-5", "v-6", "v-0"));
        assertThat(repo.listedAmong(many)).containsExactlyInAnyOrder("v-0", "v-3");
        assertThat(repo.listedAmong(List.of())).isEmpty();
    }

    @Test
    void listByChannel_tamperedCursor_throwsCursorInvalid() {
        repo.create(CatalogFixtures.video("v-1", "ch-1", T0));
        repo.create(CatalogFixtures.video("v-2", "ch-1", T0.plusSeconds(1)));
        String cursor = repo.listByChannel("ch-1", null, 1).nextCursor();
        assertThat(cursor).isNotNull();

        assertThat(repo.listByChannel("ch-1", cursor, 5).items()).extracting(Video::videoId).containsExactly("v-1");
        assertThatThrownBy(() -> repo.listByChannel("ch-1", cursor + "x!", 1))
                .isInstanceOf(PageCursorInvalidException.class);
        assertThatThrownBy(() -> repo.listByChannel("ch-1", "bm90LWEtY3Vyc29y", 1))
                .isInstanceOf(PageCursorInvalidException.class);
    }

    @Test
    void find_unreachableEndpoint_throwsTransient() {
        var config = new HashMap<>(Emulators.shared().config());
        config.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closedPort());
        var down = new DynamoVideoRepository(new AwsClients(config::get).dynamoDb(), fx.videosTable);

        assertThatThrownBy(() -> down.find("v-1")).isInstanceOf(TransientStageException.class);
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
