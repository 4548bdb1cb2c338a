package dev.clipflow.socialapi;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.SdkPriming;
import dev.clipflow.aws.dynamodb.DynamoChannelRepository;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.discovery.DynamoCoViewStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.aws.secrets.SecretStrings;
import dev.clipflow.discovery.Recommendations;
import dev.clipflow.discovery.RelatedBlend;
import dev.clipflow.discovery.RelatedVideos;
import dev.clipflow.discovery.WatchRecorder;
import dev.clipflow.http.HttpApiFunction;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.paging.SignedCursors;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedItem;
import dev.clipflow.social.FeedReader;
import dev.clipflow.social.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social API's application: bean {@code socialApi} ({@link SocialApi} behind {@link HttpApiFunction}).
 * Configuration: VIDEOS_TABLE and CHANNELS_TABLE (read only), SUBSCRIPTIONS_TABLE, FEEDS_TABLE, DISCOVERY_TABLE,
 * CURSOR_SECRET_ARN (the Secrets Manager secret whose string, at least 32 bytes, signs page cursors: read once at
 * initialisation and kept for the execution environment's life), CURSOR_TTL_SECONDS (default 3600),
 * FANOUT_CELEBRITY_THRESHOLD (and the other FANOUT_* values: the feed reader must agree with the
 * fan-out on who is a celebrity), WATCH_WINDOW (default 20) and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class SocialApiApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    /** The function's DynamoDB client: a bean, so the SnapStart priming steps call the one the API uses. */
    private static final String DYNAMO_DB = "dynamoDb";

    public static void main(String[] args) {
        FunctionalSpringApplication.run(SocialApiApplication.class, args);
    }

    /**
     * The bean Lambda calls: the event's bytes in ({@link HttpApiFunction}: a JSON-array body is then the API's
     * named 400, not Spring Cloud Function's batch splitting and a 500), the API's answer out.
     */
    @Override
    public void initialize(GenericApplicationContext context) {
        Environment env = context.getEnvironment();
        context.registerBean(DYNAMO_DB, DynamoDbClient.class, () -> new AwsClients(env::getProperty).dynamoDb());
        FunctionBeans.register(context, "socialApi", HttpApiFunction.class,
                () -> new HttpApiFunction(api(env, context.getBean(DYNAMO_DB, DynamoDbClient.class))));
        FunctionBeans.primingRequest(context, "social api: GET /me/feed without identity (401, no AWS call)",
                HttpApiFunction.unauthenticatedRequest("GET /me/feed", Map.of()));
        FunctionBeans.primingStep(context, "social api: DynamoDB GetItem of a video (signed, not sent)", () -> {
            var videos = new DynamoVideoRepository(context.getBean(DYNAMO_DB, DynamoDbClient.class),
                    env.getRequiredProperty("VIDEOS_TABLE"));
            SdkPriming.prime(() -> videos.find("snapstart-priming"));
        });
        FunctionBeans.primingStep(context, "social api: DynamoDB Query of a feed (signed, not sent)", () -> {
            var feeds = new DynamoFeedStore(context.getBean(DYNAMO_DB, DynamoDbClient.class),
                    env.getRequiredProperty("FEEDS_TABLE"));
            SdkPriming.prime(() -> feeds.viewerFeed("snapstart-priming", null, 1));
        });
    }

    static SocialApi api(Environment env, DynamoDbClient dynamo) {
        AwsClients aws = new AwsClients(env::getProperty);
        Clock clock = Clock.systemUTC();
        SignedCursors cursors = new SignedCursors(new SecretStrings(aws.secretsManager())
                .read(env.getRequiredProperty("CURSOR_SECRET_ARN")).getBytes(StandardCharsets.UTF_8),
                clock, Duration.ofSeconds(env.getProperty("CURSOR_TTL_SECONDS", Long.class, 3600L)));
        var videos = new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE"));
        var subscriptionStore = new DynamoSubscriptionStore(dynamo, env.getRequiredProperty("SUBSCRIPTIONS_TABLE"));
        var feeds = new DynamoFeedStore(dynamo, env.getRequiredProperty("FEEDS_TABLE"));
        FanoutPolicy policy = FanoutPolicy.parse(env.getProperty("FANOUT_INLINE_MAX"),
                env.getProperty("FANOUT_CELEBRITY_THRESHOLD"), env.getProperty("FANOUT_BATCH_SIZE"));
        FeedReader reader = new FeedReader(subscriptionStore, feeds, policy, cursors, videos);
        String discovery = env.getRequiredProperty("DISCOVERY_TABLE");
        var coViews = new DynamoCoViewStore(dynamo, discovery);
        var related = new RelatedVideos(new DynamoRelatedStore(dynamo, discovery), coViews, RelatedBlend.DEFAULT,
                videos);
        var recommendations = new Recommendations(coViews, related,
                (viewer, limit) -> reader.read(viewer, null, Math.min(limit, FeedReader.MAX_PAGE)).items().stream()
                        .map(FeedItem::videoId).toList(),
                cursors, videos);
        return new SocialApi(
                new Subscriptions(subscriptionStore,
                        new DynamoChannelRepository(dynamo, env.getRequiredProperty("CHANNELS_TABLE")), cursors, clock),
                reader,
                new WatchRecorder(videos, coViews, clock, env.getProperty("WATCH_WINDOW", Integer.class,
                        WatchRecorder.DEFAULT_WINDOW)),
                related, recommendations, videos, JsonMapper.builder().build());
    }
}
