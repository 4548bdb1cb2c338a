package dev.clipflow.subscription;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.social.DynamoFeedStore;
import dev.clipflow.aws.dynamodb.social.DynamoSubscriptionStore;
import dev.clipflow.aws.sqs.SqsFanoutQueue;
import dev.clipflow.batch.BatchWriter;
import dev.clipflow.social.FanoutPolicy;
import dev.clipflow.social.FeedEntry;
import dev.clipflow.social.SubscriberFanout;
import dev.clipflow.social.FeedStore;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The subscription function's application: bean {@code subscription} ({@link Subscription}).
 * Configuration: VIDEOS_TABLE (read only), SUBSCRIPTIONS_TABLE, FEEDS_TABLE, FANOUT_QUEUE_URL,
 * FANOUT_INLINE_MAX, FANOUT_CELEBRITY_THRESHOLD, FANOUT_BATCH_SIZE (optional, see
 * {@link FanoutPolicy#DEFAULT}), FEED_TTL_DAYS (default 60) and the AWS_ENDPOINT_URL* overrides.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class SubscriptionApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionApplication.class, args);
    }

    @Bean
    public Subscription subscription(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        FeedStore feeds = new DynamoFeedStore(dynamo, env.getRequiredProperty("FEEDS_TABLE"),
                Duration.ofDays(env.getProperty("FEED_TTL_DAYS", Long.class, DynamoFeedStore.DEFAULT_TTL.toDays())));
        BatchWriter<FeedEntry> writer = BatchWriter.withDefaults(feeds::putBatch, FeedStore.MAX_BATCH);
        FanoutPolicy policy = FanoutPolicy.parse(env.getProperty("FANOUT_INLINE_MAX"),
                env.getProperty("FANOUT_CELEBRITY_THRESHOLD"), env.getProperty("FANOUT_BATCH_SIZE"));
        SubscriberFanout fanout = new SubscriberFanout(
                new DynamoSubscriptionStore(dynamo, env.getRequiredProperty("SUBSCRIPTIONS_TABLE")), feeds,
                new SqsFanoutQueue(aws.sqs(), env.getRequiredProperty("FANOUT_QUEUE_URL")), policy, writer);
        return new Subscription(new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE")), fanout);
    }
}
