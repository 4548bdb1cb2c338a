package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoChannelRepositoryIT {
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
}
