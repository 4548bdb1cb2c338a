package dev.clipflow.uploadapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoDeletionRecords;
import dev.clipflow.aws.dynamodb.DynamoUploadQuotas;
import dev.clipflow.aws.dynamodb.DynamoVideoEdits;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.DynamoVisibilityChangeRecords;
import dev.clipflow.aws.s3.S3MultipartUploads;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.ChannelVideos;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.VideoPlayback;
import dev.clipflow.catalog.VideoRepository;
import dev.clipflow.catalog.deletion.DeletionRequests;
import dev.clipflow.catalog.deletion.DeletionRestarts;
import dev.clipflow.catalog.edit.VideoEditing;
import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.catalog.upload.VideoUploads;
import dev.clipflow.catalog.visibility.VisibilityChangeExecutions;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.paging.SignedCursors;
import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionState;
import dev.clipflow.testing.Emulators;
import dev.clipflow.testing.template.TemplateTables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An {@link UploadApi} on the real adapters against S3Proxy and Dynoxide, with fresh tables and bucket. */
final class ApiFixture {
    static final String MEDIA_BASE = "https://d111111abcdef8.cloudfront.net";
    static final String SECRET = "upload-api-test-cursor-secret-0123456789";
    static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    static final java.security.KeyPair SIGNING_KEYS = keyPair();
    static final String SIGNING_KEY_PEM = dev.clipflow.media.CloudFrontSignatures.pem("PRIVATE KEY",
            SIGNING_KEYS.getPrivate().getEncoded());
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    final AwsClients aws = new AwsClients(Emulators.shared().lookup());
    final S3Client s3 = aws.s3();
    final DynamoDbClient dynamo = aws.dynamoDb();
    final String bucket = Emulators.uniqueName("uploads");
    final String videosTable = Emulators.uniqueName("videos");
    final String channelsTable = Emulators.uniqueName("channels");
    final DynamoVideoRepository videos;
    final DynamoChannelRepository channels;
    final DynamoDeletionRecords deletionRecords;
    final DynamoVisibilityChangeRecords visibilityRecords;
    /** The video events the API published, in order. */
    final List<VideoEvent> events = new CopyOnWriteArrayList<>();
    /** The deletion workflow's executions the API started, by name, in order. */
    final List<String> deletionsStarted = new CopyOnWriteArrayList<>();
    /** The deletion workflow's executions by name (Step Functions' view: a name starts once). */
    final Map<String, ExecutionState> deletionExecutions = new ConcurrentHashMap<>();
    /** The visibility change workflow's executions the API started: name, a space, input; in order. */
    final List<String> visibilityChangesStarted = new CopyOnWriteArrayList<>();
    /** The visibility change workflow's executions by name (Step Functions' view: a name starts once). */
    final Map<String, ExecutionState> visibilityExecutions = new ConcurrentHashMap<>();
    /** What the media signing secret holds for the APIs made after it is set. */
    Supplier<String> signingKeyPem = () -> SIGNING_KEY_PEM;

    ApiFixture() {
        s3.createBucket(b -> b.bucket(bucket));
        TemplateTables.create(dynamo, TemplateTables.VIDEOS, videosTable);
        TemplateTables.create(dynamo, TemplateTables.CHANNELS, channelsTable);
        videos = new DynamoVideoRepository(dynamo, videosTable);
        channels = new DynamoChannelRepository(dynamo, channelsTable);
        deletionRecords = new DynamoDeletionRecords(dynamo, videosTable, Clock.systemUTC());
        visibilityRecords = new DynamoVisibilityChangeRecords(dynamo, videosTable, Clock.systemUTC());
    }

    UploadApi api(Duration urlTtl) {
        return api(urlTtl, videos);
    }

    /** The API on another view of the videos table (a test's decorator of {@link #videos}). */
    UploadApi api(Duration urlTtl, VideoRepository videos) {
        return api(urlTtl, videos, UserLimits.DEFAULT);
    }

    UploadApi api(Duration urlTtl, UserLimits limits) {
        return api(urlTtl, videos, limits);
    }

    UploadApi api(Duration urlTtl, VideoRepository videos, UserLimits limits) {
        var uploads = new VideoUploads(channels, videos, new S3MultipartUploads(s3, aws.s3Presigner(), bucket),
                new DynamoUploadQuotas(dynamo, videosTable, channelsTable), limits, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), urlTtl);
        var cursors = new SignedCursors(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(),
                SignedCursors.DEFAULT_TTL);
        var playback = new VideoPlayback(videos, MEDIA_BASE, new KeyedMediaSigner(signingKeyPem, KEY_PAIR_ID),
                Clock.systemUTC());
        return new UploadApi(uploads, videos, new ChannelVideos(channels, videos, cursors),
                new VideoViews(MEDIA_BASE + "/", new CostEstimator(PriceTable.US_EAST_1)),
                new VideoEditing(videos, new DynamoVideoEdits(dynamo, videosTable), events::add, Clock.systemUTC(),
                        new VisibilityChangeExecutions(visibilityRecords, (name, input) -> {
                            boolean existed = visibilityExecutions.putIfAbsent(name, ExecutionState.RUNNING) != null;
                            if (!existed) {
                                visibilityChangesStarted.add(name + " " + input);
                            }
                            return new ExecutionStart("arn:aws:states:us-east-1:000000000000:execution:visibility:"
                                    + name, existed);
                        }, name -> Optional.ofNullable(visibilityExecutions.get(name)))),
                playback,
                JSON,
                new DeletionRequests(videos, deletionRecords,
                        name -> Optional.ofNullable(deletionExecutions.get(name)),
                        new DeletionRestarts(deletionRecords, (name, input) -> {
                            deletionsStarted.add(name);
                            return new ExecutionStart("arn:aws:states:us-east-1:000000000000:execution:deletion:"
                                    + name, deletionExecutions.putIfAbsent(name, ExecutionState.RUNNING) != null);
                        })));
    }

    String channel(String owner, ChannelLimits limits) {
        String id = Emulators.uniqueName("chan");
        channels.create(new Channel(id, owner, "Channel of " + owner, limits));
        return id;
    }

    private static java.security.KeyPair keyPair() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) {
        return JSON.readTree(response.getBody());
    }

    static String json(Map<String, ?> value) {
        return JSON.writeValueAsString(value);
    }
}
