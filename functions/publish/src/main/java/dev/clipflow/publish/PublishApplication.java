package dev.clipflow.publish;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.sfn.SfnExecutionHistory;
import dev.clipflow.catalog.PlaybackUrls;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The publish function's application: bean {@code publish} ({@link Publish}). Configuration:
 * VIDEOS_TABLE, EVENT_BUS_NAME and MEDIA_BASE_URL (the {@code Video Published} event), PRICE_TABLE (optional), AWS_LAMBDA_FUNCTION_MEMORY_SIZE (set by Lambda) and the
 * AWS_ENDPOINT_URL* overrides. Metrics go to the namespace {@value #METRICS_NAMESPACE}, the one the template's
 * alarms watch and the state machine's PutMetricData grant names.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class PublishApplication {

    static final String METRICS_NAMESPACE = "Clipflow";
    static final String METRICS_SERVICE = "clipflow";

    public static void main(String[] args) {
        SpringApplication.run(PublishApplication.class, args);
    }

    @Bean
    public Publish publish(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        Clock clock = Clock.systemUTC();
        return new Publish(
                new DynamoVideoRepository(aws.dynamoDb(), env.getRequiredProperty("VIDEOS_TABLE")),
                new SfnExecutionHistory(aws.sfn()),
                new CostEstimator(PriceTable.parse(env.getProperty("PRICE_TABLE"))),
                new EmfMetrics(System.out, METRICS_NAMESPACE, METRICS_SERVICE, clock),
                env.getProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.class, 1024),
                clock,
                EventBridgeVideoEvents.forBus(aws, env.getProperty("EVENT_BUS_NAME")),
                new PlaybackUrls(env.getProperty("MEDIA_BASE_URL", "")));
    }
}
