package dev.clipflow.uploadapi;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.SdkPriming;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoDeletionRecords;
import dev.clipflow.aws.dynamodb.DynamoUploadQuotas;
import dev.clipflow.aws.dynamodb.DynamoVideoEdits;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.DynamoVisibilityChangeRecords;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.s3.S3MultipartUploads;
import dev.clipflow.aws.secrets.SecretStrings;
import dev.clipflow.aws.sfn.SfnExecutionLookup;
import dev.clipflow.aws.sfn.SfnExecutionStarter;
import dev.clipflow.catalog.ChannelVideos;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.VideoPlayback;
import dev.clipflow.catalog.deletion.DeletionRequests;
import dev.clipflow.catalog.deletion.DeletionRestarts;
import dev.clipflow.catalog.edit.VideoEditing;
import dev.clipflow.catalog.upload.VideoUploads;
import dev.clipflow.catalog.visibility.VisibilityChangeExecutions;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.http.HttpApiFunction;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.paging.SignedCursors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload API's application: bean {@code uploadApi} ({@link UploadApi} behind {@link HttpApiFunction}).
 * Configuration from the environment: VIDEOS_TABLE, CHANNELS_TABLE, UPLOADS_BUCKET, MEDIA_BASE_URL,
 * UPLOAD_URL_TTL_SECONDS (default 900, at most 3600), CURSOR_SECRET_ARN (the Secrets Manager secret whose string, at
 * least 32 bytes, signs the channel listing's page cursors, the same key as the social API's: read once at
 * initialisation), CURSOR_TTL_SECONDS (default 3600), the per-user limits USER_MAX_CHANNELS, USER_MAX_UPLOADS_PER_DAY
 * and USER_MAX_SOURCE_MINUTES_PER_DAY ({@link UserLimits}; blank = the defaults), PRICE_TABLE (optional),
 * EVENT_BUS_NAME (where {@code Video Edited} goes; none published without it), DELETION_STATE_MACHINE_ARN (DELETE
 * /videos/{videoId} starts it), VISIBILITY_STATE_MACHINE_ARN (PATCH /videos/{videoId} of a published video's
 * visibility starts it; the same PATCH again looks its execution up and restarts one that ended unfinished),
 * MEDIA_SIGNING_KEY_PAIR_ID and MEDIA_SIGNING_KEY_SECRET_ARN (the CloudFront public key's id and the secret holding
 * its private key in PEM: restricted media's playback signatures; the secret is read at the first signature, not at
 * initialisation, so an unconfigured key fails only that route) and the
 * AWS_ENDPOINT_URL* overrides. Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class UploadApiApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    static final long DEFAULT_URL_TTL_SECONDS = 900;
    static final long MAX_URL_TTL_SECONDS = 3600;
    /** The function's DynamoDB client: a bean, so the SnapStart priming step calls the one the API uses. */
    private static final String DYNAMO_DB = "dynamoDb";

    public static void main(String[] args) {
        FunctionalSpringApplication.run(UploadApiApplication.class, args);
    }

    /** The bean Lambda calls: the event's bytes in ({@link HttpApiFunction}), the API's answer out. */
    @Override
    public void initialize(GenericApplicationContext context) {
        Environment env = context.getEnvironment();
        context.registerBean(DYNAMO_DB, DynamoDbClient.class, () -> new AwsClients(env::getProperty).dynamoDb());
        FunctionBeans.register(context, "uploadApi", HttpApiFunction.class,
                () -> new HttpApiFunction(api(env, context.getBean(DYNAMO_DB, DynamoDbClient.class))));
        FunctionBeans.primingRequest(context, "upload api: GET /videos/{videoId} without identity (401, no AWS call)",
                HttpApiFunction.unauthenticatedRequest("GET /videos/{videoId}",
                        Map.of("videoId", "snapstart-priming")));
        FunctionBeans.primingStep(context, "upload api: DynamoDB GetItem of a video (signed, not sent)", () -> {
            var videos = new DynamoVideoRepository(context.getBean(DYNAMO_DB, DynamoDbClient.class),
                    env.getRequiredProperty("VIDEOS_TABLE"));
            SdkPriming.prime(() -> videos.find("snapstart-priming"));
        });
    }

    static UploadApi api(Environment env, DynamoDbClient dynamo) {
        AwsClients aws = new AwsClients(env::getProperty);
        var videos = new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE"));
        var channels = new DynamoChannelRepository(dynamo, env.getRequiredProperty("CHANNELS_TABLE"));
        var multipart = new S3MultipartUploads(aws.s3(), aws.s3Presigner(), env.getRequiredProperty("UPLOADS_BUCKET"));
        Duration ttl = Duration.ofSeconds(urlTtlSeconds(env.getProperty("UPLOAD_URL_TTL_SECONDS")));
        var limits = UserLimits.parse(env.getProperty("USER_MAX_CHANNELS"), env.getProperty("USER_MAX_UPLOADS_PER_DAY"),
                env.getProperty("USER_MAX_SOURCE_MINUTES_PER_DAY"));
        var quotas = new DynamoUploadQuotas(dynamo, env.getRequiredProperty("VIDEOS_TABLE"),
                env.getRequiredProperty("CHANNELS_TABLE"));
        var uploads = new VideoUploads(channels, videos, multipart, quotas, limits, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), ttl);
        var views = new VideoViews(env.getRequiredProperty("MEDIA_BASE_URL"),
                new CostEstimator(PriceTable.parse(env.getProperty("PRICE_TABLE"))));
        var cursors = new SignedCursors(new SecretStrings(aws.secretsManager())
                .read(env.getRequiredProperty("CURSOR_SECRET_ARN")).getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC(), Duration.ofSeconds(env.getProperty("CURSOR_TTL_SECONDS", Long.class,
                SignedCursors.DEFAULT_TTL.toSeconds())));
        JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        String visibilityMachine = env.getRequiredProperty("VISIBILITY_STATE_MACHINE_ARN");
        var editing = new VideoEditing(videos, new DynamoVideoEdits(dynamo, env.getRequiredProperty("VIDEOS_TABLE")),
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")), Clock.systemUTC(),
                new VisibilityChangeExecutions(new DynamoVisibilityChangeRecords(dynamo,
                        env.getRequiredProperty("VIDEOS_TABLE"), Clock.systemUTC()),
                        new SfnExecutionStarter(aws.sfn(), visibilityMachine),
                        new SfnExecutionLookup(aws.sfn(), visibilityMachine)));
        var deletionRecords = new DynamoDeletionRecords(dynamo, env.getRequiredProperty("VIDEOS_TABLE"),
                Clock.systemUTC());
        String deletionMachine = env.getRequiredProperty("DELETION_STATE_MACHINE_ARN");
        var deletions = new DeletionRequests(videos, deletionRecords,
                new SfnExecutionLookup(aws.sfn(), deletionMachine), new DeletionRestarts(deletionRecords,
                new SfnExecutionStarter(aws.sfn(), deletionMachine)));
        var secrets = new SecretStrings(aws.secretsManager());
        String signingSecret = env.getRequiredProperty("MEDIA_SIGNING_KEY_SECRET_ARN");
        var signer = new KeyedMediaSigner(() -> secrets.read(signingSecret),
                env.getRequiredProperty("MEDIA_SIGNING_KEY_PAIR_ID"));
        var playback = new VideoPlayback(videos, env.getRequiredProperty("MEDIA_BASE_URL"), signer, Clock.systemUTC());
        return new UploadApi(uploads, videos, new ChannelVideos(channels, videos, cursors), views, editing, playback,
                json, deletions);
    }

    /** UPLOAD_URL_TTL_SECONDS: blank means 900; values are clamped to 1..3600. */
    static long urlTtlSeconds(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_URL_TTL_SECONDS;
        }
        long seconds = Long.parseLong(configured.strip());
        return Math.max(1, Math.min(MAX_URL_TTL_SECONDS, seconds));
    }
}
