package dev.clipflow.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.aws.dynamodb.discovery.DiscoveryTables;
import dev.clipflow.aws.dynamodb.social.SocialTables;
import dev.clipflow.testing.template.TableDef;
import dev.clipflow.testing.template.TableDef.Key;
import dev.clipflow.testing.template.TemplateTables;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The attribute and index names the adapters use are the ones template.yaml declares: the template is the tables'
 * only schema, so a renamed key or index there fails here instead of at the first query in AWS.
 */
class TableNamesTest {

    @Test
    void catalog_namesMatchTheTemplate() {
        TableDef videos = TemplateTables.table(TemplateTables.VIDEOS);
        assertThat(videos.keySchema()).containsExactly(new Key(CatalogTables.VIDEOS_KEY, "HASH"));
        assertThat(index(videos, CatalogTables.BY_CHANNEL_INDEX).keySchema()).containsExactly(
                new Key(VideoItems.CHANNEL_ID, "HASH"), new Key(VideoItems.CREATED_AT, "RANGE"));
        assertThat(index(videos, CatalogTables.BY_SWEEP_QUEUE_INDEX).keySchema()).containsExactly(
                new Key(VideoItems.SWEEP_QUEUE, "HASH"), new Key(VideoItems.UPDATED_AT, "RANGE"));

        TableDef channels = TemplateTables.table(TemplateTables.CHANNELS);
        assertThat(channels.keySchema()).containsExactly(new Key(CatalogTables.CHANNELS_KEY, "HASH"));
        assertThat(channels.ttlAttribute()).isEqualTo(CatalogTables.TTL_ATTRIBUTE);
    }

    @Test
    void social_namesMatchTheTemplate() {
        TableDef subscriptions = TemplateTables.table(TemplateTables.SUBSCRIPTIONS);
        assertThat(subscriptions.keySchema()).containsExactly(
                new Key(SocialTables.CHANNEL_ID, "HASH"), new Key(SocialTables.MEMBER, "RANGE"));
        assertThat(index(subscriptions, SocialTables.BY_VIEWER).keySchema()).containsExactly(
                new Key(SocialTables.VIEWER_ID, "HASH"), new Key(SocialTables.CHANNEL_ID, "RANGE"));

        TableDef feeds = TemplateTables.table(TemplateTables.FEEDS);
        assertThat(feeds.keySchema()).containsExactly(
                new Key(SocialTables.FEED_ID, "HASH"), new Key(SocialTables.VIDEO_ID, "RANGE"));
        assertThat(index(feeds, SocialTables.BY_TIME).keySchema()).containsExactly(
                new Key(SocialTables.FEED_ID, "HASH"), new Key(SocialTables.POSITION, "RANGE"));
        assertThat(feeds.ttlAttribute()).isEqualTo(SocialTables.TTL_ATTRIBUTE);
    }

    @Test
    void discovery_namesAndTypesMatchTheTemplate() {
        TableDef discovery = TemplateTables.table(TemplateTables.DISCOVERY);
        assertThat(discovery.keySchema()).containsExactly(
                new Key(DiscoveryTables.PK, "HASH"), new Key(DiscoveryTables.SK, "RANGE"));
        assertThat(index(discovery, DiscoveryTables.BY_TIME).keySchema()).containsExactly(
                new Key(DiscoveryTables.PK, "HASH"), new Key(DiscoveryTables.AT, "RANGE"));
        assertThat(index(discovery, DiscoveryTables.BY_RANK).keySchema()).containsExactly(
                new Key(DiscoveryTables.PK, "HASH"), new Key(DiscoveryTables.RANK, "RANGE"));
        assertThat(discovery.attributes()).containsAllEntriesOf(Map.of(DiscoveryTables.AT, "S",
                DiscoveryTables.RANK, "N"));
        assertThat(discovery.ttlAttribute()).isEqualTo(DiscoveryTables.TTL_ATTRIBUTE);
    }

    private static TableDef.Index index(TableDef table, String name) {
        return Stream.concat(table.globalIndexes().stream(), table.localIndexes().stream())
                .filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(table.logicalId() + " has no index " + name));
    }
}
