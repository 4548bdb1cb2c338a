package dev.clipflow.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoNotPublishedException;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.discovery.ScoredVideo;
import dev.clipflow.lambda.RequestIdFunctionInvoker;
import dev.clipflow.pipeline.PipelineInputMalformedException;
import dev.clipflow.pipeline.PublishedVideoInput;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.Events;
import dev.clipflow.testing.template.TemplateTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recommendation bean through RequestIdFunctionInvoker against Dynoxide, on a small hand-made catalog. */
class RecommendationIT {
    private static VideoRepository videos;
    private static DynamoRelatedStore related;
    private static DynamoTermIndex index;
    private static RequestIdFunctionInvoker invoker;

    @BeforeAll
    static void wire() {
        Emulators emulators = Emulators.shared();
        var dynamo = new AwsClients(emulators.lookup()).dynamoDb();
        String videosTable = Emulators.uniqueName("videos");
        String discoveryTable = Emulators.uniqueName("discovery");
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        TemplateTables.create(dynamo, TemplateTables.DISCOVERY, discoveryTable);
        videos = new DynamoVideoRepository(dynamo, videosTable);
        related = new DynamoRelatedStore(dynamo, discoveryTable);
        index = new DynamoTermIndex(dynamo, discoveryTable);
        emulators.exportAsSystemProperties();
        System.setProperty("MAIN_CLASS", RecommendationApplication.class.getName());
        System.setProperty("VIDEOS_TABLE", videosTable);
        System.setProperty("DISCOVERY_TABLE", discoveryTable);
        invoker = new RequestIdFunctionInvoker("recommendation");
    }

    @Test
    void invoke_publishes_relatedListsFavourSharedTags_andARepeatChangesNothing() throws Exception {
        String cats1 = published("Funny cats compilation", "cats", "funny");
        String dogs = published("Dog agility training", "dogs", "training");
        String cats2 = published("Cats versus cucumbers", "cats", "funny");
        for (String id : List.of(cats1, dogs, cats2)) {
            assertThat(invoke(id)).containsEntry("alreadyProcessed", false);
        }
        String cats3 = published("Sleepy cats", "cats", "cute");

        Map<String, Object> first = invoke(cats3);
        var before = related.find(cats1).orElseThrow();
        Map<String, Object> again = invoke(cats3);

        assertThat(first).containsEntry("alreadyProcessed", false).containsEntry("videoId", cats3);
        assertThat(again).containsEntry("alreadyProcessed", true);
        assertThat(related.find(cats3).orElseThrow().items()).extracting(ScoredVideo::videoId)
                .containsExactlyInAnyOrder(cats1, cats2);
        assertThat(related.find(cats1).orElseThrow()).isEqualTo(before);
        assertThat(before.contains(cats3)).isTrue();
        assertThat(related.find(dogs).orElseThrow().items()).isEmpty();
    }

    @Test
    void invoke_unlistedOrPrivateVideo_isNotIndexedAndEntersNoList() throws Exception {
        String cats1 = published("Grumpy cats", "cats", "grumpy");
        invoke(cats1);
        for (Visibility visibility : List.of(Visibility.UNLISTED, Visibility.PRIVATE)) {
            String hidden = published(visibility, "Grumpy cats again", "cats", "grumpy");
            long count = index.documentCount();

            Map<String, Object> result = invoke(hidden);

            assertThat(result).containsEntry("videoId", hidden).containsEntry("terms", 0)
                    .containsEntry("alreadyProcessed", false);
            assertThat(index.documentCount()).isEqualTo(count);
            assertThat(related.find(hidden)).isEmpty();
            assertThat(related.find(cats1).map(l -> l.contains(hidden)).orElse(false)).isFalse();
        }
    }

    @Test
    void apply_unpublishedVideo_throwsAndIndexesNothing() {
        String draft = processing("Draft cats", "cats");
        long count = index.documentCount();
        Recommendation fn = new Recommendation(videos, new RelatedIndexer(index, related, RelatedPolicy.DEFAULT));

        assertThatThrownBy(() -> fn.apply(new PublishedVideoInput(1, draft, "chan-rec")))
                .isInstanceOf(VideoNotPublishedException.class);
        assertThatThrownBy(() -> fn.apply(new PublishedVideoInput(1, "Bad Id", "chan-rec")))
                .isInstanceOf(PipelineInputMalformedException.class);
        assertThat(index.documentCount()).isEqualTo(count);
    }

    private static Map<String, Object> invoke(String videoId) throws Exception {
        String event = Events.text("recommendation.json").replace("vid-example", videoId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return Events.read(null, out.toString(StandardCharsets.UTF_8));
    }

    private static String processing(String title, String... tags) {
        return processing(Visibility.PUBLIC, title, tags);
    }

    private static String processing(Visibility visibility, String title, String... tags) {
        String videoId = Emulators.uniqueName("vid");
        Instant now = Instant.now();
        videos.create(new Video(videoId, "chan-rec", "owner-1", title, "", List.of(tags), 1024, "video/mp4",
                "uploads/chan-rec/" + videoId + "/a.mp4", null, VideoStatus.AWAITING_UPLOAD, null, null, null, null,
                null, now, now).withVisibility(visibility));
        videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        return videoId;
    }

    private static String published(String title, String... tags) {
        return published(Visibility.PUBLIC, title, tags);
    }

    private static String published(Visibility visibility, String title, String... tags) {
        String videoId = processing(visibility, title, tags);
        videos.publish(videoId, List.of(), new Video.PublishedAssets("videos/" + videoId + "/hls/master.m3u8",
                null, null, null));
        return videoId;
    }
}
