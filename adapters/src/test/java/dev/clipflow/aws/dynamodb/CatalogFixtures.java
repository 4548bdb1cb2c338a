package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.VideoStatus;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh catalog tables on the shared Dynoxide, and sample videos. */
final class CatalogFixtures {
    final DynamoDbClient dynamo;
    final String videosTable = Emulators.uniqueName("videos");
    final String channelsTable = Emulators.uniqueName("channels");

    CatalogFixtures() {
        dynamo = new AwsClients(Emulators.shared().lookup()).dynamoDb();
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, channelsTable);
    }

    static Video video(String videoId, String channelId, Instant createdAt) {
        return new Video(videoId, channelId, "user-1", "Title " + videoId, "A description", List.of("cats", "é"),
                1234L, "video/mp4", "uploads/" + channelId + "/" + videoId + "/clip.mp4", "upload-id-1",
                VideoStatus.AWAITING_UPLOAD, null, null, List.of(), null, Map.of(), createdAt, createdAt);
    }
}
