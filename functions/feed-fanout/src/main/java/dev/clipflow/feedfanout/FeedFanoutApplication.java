package dev.clipflow.feedfanout;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.FeedStore;
import dev.clipflow.social.SubscriberFanout;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The fan-out consumer's application: bean {@code feedFanout} ({@link FeedFanout}). Configuration:
 * SUBSCRIPTIONS_TABLE, FEEDS_TABLE, FEED_TTL_DAYS (default 60) and the AWS_ENDPOINT_URL* overrides.
 * It never enqueues, so its queue port refuses to.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class FeedFanoutApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedFanoutApplication.class, args);
    }

    @Bean
    public FeedFanout feedFanout(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        FeedStore feeds = new DynamoFeedStore(dynamo, env.getRequiredProperty("FEEDS_TABLE"),
                Duration.ofDays(env.getProperty("FEED_TTL_DAYS", Long.class, DynamoFeedStore.DEFAULT_TTL.toDays())));
        BatchWriter<FeedEntry> writer = BatchWriter.withDefaults(feeds::putBatch, FeedStore.MAX_BATCH);
        return new FeedFanout(new SubscriberFanout(
                new DynamoSubscriptionStore(dynamo, env.getRequiredProperty("SUBSCRIPTIONS_TABLE")), feeds,
                batches -> {
                    throw new UnsupportedOperationException("the fan-out consumer never enqueues");
                }, FanoutPolicy.DEFAULT, writer));
    }
}
