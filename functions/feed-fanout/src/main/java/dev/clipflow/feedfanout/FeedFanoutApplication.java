package dev.clipflow.feedfanout;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
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
 * The fan-out consumer's application: bean {@code feedFanout} ({@link FeedFanout}). Configuration:
 * SUBSCRIPTIONS_TABLE, FEEDS_TABLE, FEED_TTL_DAYS (default 60) and the AWS_ENDPOINT_URL* overrides.
 * It never enqueues, so its queue port refuses to.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class FeedFanoutApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(FeedFanoutApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "feedFanout", FeedFanout.class, () -> feedFanout(context.getEnvironment()));
    }

    static FeedFanout feedFanout(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        FeedStore feeds = new DynamoFeedStore(dynamo, env.getRequiredProperty("FEEDS_TABLE"),
                Duration.ofDays(env.getProperty("FEED_TTL_DAYS", Long.class, DynamoFeedStore.DEFAULT_TTL.toDays())));
        BatchWriter<FeedEntry> writer = BatchWriter.withDefaults(feeds::putBatch, FeedStore.MAX_BATCH,
                RestoreSafeJitter.create());
        return new FeedFanout(new SubscriberFanout(
                new DynamoSubscriptionStore(dynamo, env.getRequiredProperty("SUBSCRIPTIONS_TABLE")), feeds,
                batches -> {
                    throw new UnsupportedOperationException("the fan-out consumer never enqueues");
                }, FanoutPolicy.DEFAULT, writer));
    }
}
