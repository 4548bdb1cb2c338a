package dev.clipflow.subscription;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.aws.sqs.SqsFanoutQueue;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.lambda.FunctionBeans;
import dev.clipflow.lambda.RestoreSafeJitter;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedStore;
import dev.clipflow.social.SubscriberFanout;
import java.time.Duration;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The subscription function's application: bean {@code subscription} ({@link Subscription}).
 * Configuration: VIDEOS_TABLE (read only), SUBSCRIPTIONS_TABLE, FEEDS_TABLE, FANOUT_QUEUE_URL,
 * FANOUT_INLINE_MAX, FANOUT_CELEBRITY_THRESHOLD, FANOUT_BATCH_SIZE (optional, see
 * {@link FanoutPolicy#DEFAULT}), FEED_TTL_DAYS (default 60) and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class SubscriptionApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(SubscriptionApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "subscription", Subscription.class,
                () -> subscription(context.getEnvironment()));
    }

    static Subscription subscription(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        FeedStore feeds = new DynamoFeedStore(dynamo, env.getRequiredProperty("FEEDS_TABLE"),
                Duration.ofDays(env.getProperty("FEED_TTL_DAYS", Long.class, DynamoFeedStore.DEFAULT_TTL.toDays())));
        BatchWriter<FeedEntry> writer = BatchWriter.withDefaults(feeds::putBatch, FeedStore.MAX_BATCH,
                RestoreSafeJitter.create());
        FanoutPolicy policy = FanoutPolicy.parse(env.getProperty("FANOUT_INLINE_MAX"),
                env.getProperty("FANOUT_CELEBRITY_THRESHOLD"), env.getProperty("FANOUT_BATCH_SIZE"));
        SubscriberFanout fanout = new SubscriberFanout(
                new DynamoSubscriptionStore(dynamo, env.getRequiredProperty("SUBSCRIPTIONS_TABLE")), feeds,
                new SqsFanoutQueue(aws.sqs(), env.getRequiredProperty("FANOUT_QUEUE_URL")), policy, writer);
        return new Subscription(new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE")), fanout);
    }
}
