package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.QuotaExceededException.Quota;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.upload.UploadRejectedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The counted writes against Dynoxide: limits hold under concurrency, and a refusal stores and counts nothing. */
class DynamoUploadQuotasIT {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant NOW = DAY.atTime(10, 0).toInstant(ZoneOffset.UTC);

    private final CatalogFixtures fx = new CatalogFixtures();
    private final DynamoUploadQuotas quotas = new DynamoUploadQuotas(fx.dynamo, fx.videosTable, fx.channelsTable);
    private final DynamoVideoRepository videos = new DynamoVideoRepository(fx.dynamo, fx.videosTable);
    private final DynamoChannelRepository channels = new DynamoChannelRepository(fx.dynamo, fx.channelsTable);

    @Test
    void createVideo_countsChannelAndUserPerDay_andStoresTheReservation() {
        UserLimits limits = new UserLimits(10, 3, 10);
        quotas.createVideo(video("v-1", "ch-1", "u-1", 300.0), DAY, 2, limits);
        quotas.createVideo(video("v-2", "ch-1", "u-1", 200.0), DAY, 2, limits);

        assertThatThrownBy(() -> quotas.createVideo(video("v-3", "ch-1", "u-1", 1.0), DAY, 2, limits))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(UploadRejectedException.Reason.DAILY_LIMIT_REACHED));
        assertThatThrownBy(() -> quotas.createVideo(video("v-4", "ch-2", "u-1", 101.0), DAY, 2, limits))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.quota()).isEqualTo(Quota.SOURCE_MINUTES_PER_DAY));
        quotas.createVideo(video("v-5", "ch-2", "u-1", 100.0), DAY, 2, limits);
        assertThatThrownBy(() -> quotas.createVideo(video("v-6", "ch-3", "u-1", 0.0), DAY, 2, limits))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.quota()).isEqualTo(Quota.UPLOADS_PER_DAY));
        quotas.createVideo(video("v-7", "ch-1", "u-1", 1.0), DAY.plusDays(1), 2, limits);

        assertThat(videos.find("v-3")).isEmpty();
        assertThat(videos.find("v-4")).isEmpty();
        assertThat(videos.find("v-6")).isEmpty();
        assertThat(videos.get("v-1").reservedSeconds()).isEqualTo(300.0);
        Map<String, AttributeValue> user = item(DynamoUploadQuotas.userUsageKey("u-1", DAY));
        assertThat(user.get("uploads").n()).isEqualTo("3");
        assertThat(user.get("sourceSeconds").n()).isEqualTo("600");
        assertThat(item(DynamoUploadQuotas.usageKey("ch-1", DAY)).get("uploads").n()).isEqualTo("2");
        long expires = DAY.plusDays(3).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        assertThat(user.get(CatalogTables.TTL_ATTRIBUTE).n()).isEqualTo(Long.toString(expires));
    }

    @Test
    void createVideo_concurrentRequests_neverExceedTheLimits() throws Exception {
        UserLimits limits = new UserLimits(10, 5, 600);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Video v = video("c-" + i, "ch-" + (i % 3), "u-2", 60.0);
                results.add(pool.submit(() -> {
                    try {
                        quotas.createVideo(v, DAY, 100, limits);
                        return true;
                    } catch (QuotaExceededException e) {
                        return false;
                    }
                }));
            }
            int accepted = 0;
            for (Future<Boolean> r : results) {
                accepted += r.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(5);
            assertThat(item(DynamoUploadQuotas.userUsageKey("u-2", DAY)).get("uploads").n()).isEqualTo("5");
            assertThat(item(DynamoUploadQuotas.userUsageKey("u-2", DAY)).get("sourceSeconds").n()).isEqualTo("300");
            long stored = 0;
            for (int i = 0; i < 20; i++) {
                stored += videos.find("c-" + i).isPresent() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createChannel_countsTheOwnersChannels_andATakenIdCountsNothing() {
        UserLimits limits = new UserLimits(2, 50, 600);
        quotas.createChannel(new Channel("ch-a", "u-3", "A", null), limits);
        assertThatThrownBy(() -> quotas.createChannel(new Channel("ch-a", "u-3", "Again", null), limits))
                .isInstanceOf(IllegalStateException.class);
        quotas.createChannel(new Channel("ch-b", "u-3", "B", null), limits);

        assertThatThrownBy(() -> quotas.createChannel(new Channel("ch-c", "u-3", "C", null), limits))
                .isInstanceOfSatisfying(QuotaExceededException.class,
                        e -> assertThat(e.quota()).isEqualTo(Quota.CHANNELS));
        assertThat(channels.find("ch-c")).isEmpty();
        assertThat(channels.find("ch-b")).hasValueSatisfying(c -> assertThat(c.ownerId()).isEqualTo("u-3"));
        assertThat(item(DynamoUploadQuotas.userKey("u-3")).get("channels").n()).isEqualTo("2");
        quotas.createChannel(new Channel("ch-d", "u-4", "Someone else's", null), limits);
    }

    private static Video video(String videoId, String channelId, String ownerId, double seconds) {
        return new Video(videoId, channelId, ownerId, "T", null, List.of(), 1000, "video/mp4",
                "uploads/" + channelId + "/" + videoId + "/a.mp4", "up-" + videoId, VideoStatus.AWAITING_UPLOAD, null,
                null, List.of(), null, Map.of(), NOW, NOW, Map.of(), seconds);
    }

    private Map<String, AttributeValue> item(String pk) {
        return fx.dynamo.getItem(r -> r.tableName(fx.channelsTable).consistentRead(true)
                .key(Map.of(CatalogTables.CHANNELS_KEY, AttributeValue.fromS(pk)))).item();
    }
}
