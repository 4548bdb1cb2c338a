package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoChannelRepositoryIT {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private final CatalogFixtures fx = new CatalogFixtures();
    private final DynamoChannelRepository repo = new DynamoChannelRepository(fx.dynamo, fx.channelsTable);

    @Test
    void create_thenFind_returnsTheChannelWithItsLimits() {
        ChannelLimits limits = new ChannelLimits(1_000_000L, Set.of("video/mp4", "video/webm"), 3);
        Channel channel = new Channel("ch-1", "user-1", "Cats daily", limits);

        repo.create(channel);

        assertThat(repo.find("ch-1")).contains(channel);
        assertThat(repo.find("ch-2")).isEmpty();
        assertThatThrownBy(() -> repo.create(new Channel("ch-1", "user-2", "Theft", null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repo.find("ch-1").orElseThrow().ownerId()).isEqualTo("user-1");
    }

    @Test
    void create_withACostCeiling_findsItAgain() {
        ChannelLimits limits = new ChannelLimits(1_000_000L, Set.of("video/mp4"), 3, 600,
                new java.math.BigDecimal("0.75"));
        Channel channel = new Channel("ch-cost", "user-1", "Frugal", limits);

        repo.create(channel);

        assertThat(repo.find("ch-cost").orElseThrow().limits().maxCostUsd()).isEqualByComparingTo("0.75");
        assertThat(repo.find("ch-cost")).contains(channel);
    }

    @Test
    void tryCountUpload_countsUpToTheLimitPerDay() {
        assertThat(repo.tryCountUpload("ch-1", DAY, 2)).isTrue();
        assertThat(repo.tryCountUpload("ch-1", DAY, 2)).isTrue();
        assertThat(repo.tryCountUpload("ch-1", DAY, 2)).isFalse();
        assertThat(repo.tryCountUpload("ch-1", DAY.plusDays(1), 2)).isTrue();
        assertThat(repo.tryCountUpload("ch-2", DAY, 2)).isTrue();
        assertThat(repo.tryCountUpload("ch-3", DAY, 0)).isFalse();

        Map<String, AttributeValue> counter = counter("ch-1", DAY);
        assertThat(counter.get("uploads").n()).isEqualTo("2");
        long expected = DAY.plusDays(3).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        assertThat(counter.get(CatalogTables.TTL_ATTRIBUTE).n()).isEqualTo(Long.toString(expected));
        assertThat(counter("ch-3", DAY)).isEmpty();
    }

    @Test
    void tryCountUpload_concurrentCallers_neverExceedTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> repo.tryCountUpload("ch-1", DAY, 5)));
            }
            int accepted = 0;
            for (Future<Boolean> r : results) {
                accepted += r.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(5);
            assertThat(counter("ch-1", DAY).get("uploads").n()).isEqualTo("5");
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, AttributeValue> counter(String channelId, LocalDate day) {
        return fx.dynamo.getItem(r -> r.tableName(fx.channelsTable).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(DynamoChannelRepository.usageKey(channelId, day))))).item();
    }
}
