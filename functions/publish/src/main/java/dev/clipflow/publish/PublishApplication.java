package dev.clipflow.publish;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.events.EventBridgeVideoEvents;
import dev.clipflow.aws.sfn.SfnExecutionHistory;
import dev.clipflow.catalog.PlaybackUrls;
import dev.clipflow.cost.CostEstimator;
import dev.clipflow.cost.PriceTable;
import dev.clipflow.lambda.FunctionBeans;
import java.time.Clock;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The publish function's application: bean {@code publish} ({@link Publish}). Configuration:
 * VIDEOS_TABLE, EVENT_BUS_NAME and MEDIA_BASE_URL (the {@code Video Published} event), PRICE_TABLE (optional),
 * AWS_LAMBDA_FUNCTION_MEMORY_SIZE (set by Lambda) and the
 * AWS_ENDPOINT_URL* overrides. Metrics go to the namespace {@value #METRICS_NAMESPACE}, the one the template's
 * alarms watch and the state machine's PutMetricData grant names.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class PublishApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    static final String METRICS_NAMESPACE = "Clipflow";
    static final String METRICS_SERVICE = "clipflow";

    public static void main(String[] args) {
        FunctionalSpringApplication.run(PublishApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "publish", Publish.class, () -> publish(context.getEnvironment()));
    }

    static Publish publish(Environment env) {
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
