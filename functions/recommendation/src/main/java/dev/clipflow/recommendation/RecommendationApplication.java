package dev.clipflow.recommendation;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import dev.clipflow.lambda.FunctionBeans;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The recommendation function's application: bean {@code recommendation} ({@link Recommendation}).
 * Configuration: VIDEOS_TABLE (read only), DISCOVERY_TABLE, RELATED_TOP_K (default 20),
 * RELATED_POSTINGS_PER_TERM (100), RELATED_MAX_CANDIDATES (1000) and the AWS_ENDPOINT_URL* overrides.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class RecommendationApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(RecommendationApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "recommendation", Recommendation.class,
                () -> recommendation(context.getEnvironment()));
    }

    static Recommendation recommendation(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        String table = env.getRequiredProperty("DISCOVERY_TABLE");
        RelatedPolicy policy = RelatedPolicy.parse(env.getProperty("RELATED_TOP_K"),
                env.getProperty("RELATED_POSTINGS_PER_TERM"), env.getProperty("RELATED_MAX_CANDIDATES"));
        return new Recommendation(new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE")),
                new RelatedIndexer(new DynamoTermIndex(dynamo, table), new DynamoRelatedStore(dynamo, table), policy));
    }
}
