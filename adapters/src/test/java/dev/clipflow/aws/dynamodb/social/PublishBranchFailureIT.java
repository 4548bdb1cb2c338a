package dev.clipflow.aws.dynamodb.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The state machine's "Record the fan-out failure" step (a {@code dynamodb:updateItem} integration,
 * docs/adr/0006) issued with the same expression against Dynoxide: a permanently failing branch
 * leaves the video PUBLISHED and readable, with the failure on its record; on a video that is not
 * PUBLISHED the condition fails and nothing is written.
 */
class PublishBranchFailureIT {
    private final DynamoDbClient dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
    private final String videosTable = Emulators.uniqueName("videos");
    private final DynamoVideoRepository videos;

    PublishBranchFailureIT() {
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, Emulators.uniqueName("channels"));
        videos = new DynamoVideoRepository(dynamo, videosTable);
    }

    @Test
    void recordFailure_publishedVideo_staysPublishedWithTheFailureOnItsRecord() {
        String videoId = video(true);

        record(videoId, "fanoutFailure");

        Video video = videos.get(videoId);
        assertThat(video.status()).isEqualTo(VideoStatus.PUBLISHED);
        assertThat(video.branchFailures()).containsOnlyKeys("fanout");
        assertThat(video.branchFailures().get("fanout").error())
                .isEqualTo("dev.clipflow.batch.BatchWriteIncompleteException");
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(videosTable)
                .key(Map.of("videoId", AttributeValue.fromS(videoId)))).item();
        assertThat(item.get("fanoutFailure").m().get("error").s())
                .isEqualTo("dev.clipflow.batch.BatchWriteIncompleteException");
        assertThat(item.get("status").s()).isEqualTo("PUBLISHED");
    }

    @Test
    void recordFailure_videoNotPublished_conditionFailsAndNothingIsWritten() {
        String videoId = video(false);

        assertThatThrownBy(() -> record(videoId, "recommendationFailure"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(dynamo.getItem(r -> r.tableName(videosTable).key(Map.of("videoId", AttributeValue.fromS(videoId))))
                .item()).doesNotContainKey("recommendationFailure");
    }

    /** The exact UpdateItem of the ASL snippet, with $.error and $$ values filled in. */
    private void record(String videoId, String attribute) {
        dynamo.updateItem(r -> r.tableName(videosTable)
                .key(Map.of("videoId", AttributeValue.fromS(videoId)))
                .updateExpression("SET #f = :failure")
                .conditionExpression("attribute_exists(videoId) AND #s = :published")
                .expressionAttributeNames(Map.of("#f", attribute, "#s", "status"))
                .expressionAttributeValues(Map.of(":published", AttributeValue.fromS("PUBLISHED"),
                        ":failure", AttributeValue.fromM(Map.of(
                                "error", AttributeValue.fromS("dev.clipflow.batch.BatchWriteIncompleteException"),
                                "cause", AttributeValue.fromS("{\"errorMessage\":\"3 of 25 items still unwritten\"}"),
                                "executionId", AttributeValue.fromS("arn:aws:states:us-east-1:1:execution:p:e"),
                                "at", AttributeValue.fromS("2026-11-26T12:00:00.000Z"))))));
    }

    private String video(boolean published) {
        String videoId = Emulators.uniqueName("vid");
        Instant now = Instant.now();
        videos.create(new Video(videoId, "chan-1", "owner-1", "t", "", List.of(), 1, "video/mp4",
                "uploads/chan-1/" + videoId + "/a.mp4", null, VideoStatus.AWAITING_UPLOAD, null, null, null, null, null,
                now, now));
        videos.transition(videoId, VideoStatus.AWAITING_UPLOAD, VideoStatus.PROCESSING);
        if (published) {
            videos.publish(videoId, List.of(), new Video.PublishedAssets("videos/" + videoId + "/hls/master.m3u8",
                    null, null, null));
        }
        return videoId;
    }
}
