package dev.clipflow.relatedreindex;

import dev.clipflow.aws.AwsClients;
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
 * The related re-index consumer's application: bean {@code relatedReindex} ({@link RelatedReindex}). Configuration:
 * DISCOVERY_TABLE, RELATED_TOP_K, RELATED_POSTINGS_PER_TERM, RELATED_MAX_CANDIDATES (as the recommendation
 * function's; {@link RelatedPolicy#parse}) and the AWS_ENDPOINT_URL* overrides. It reads nothing of the catalog: the
 * {@code Video Edited} event carries the text.
 * Functional registration (docs/adr/0015): no component scan, no auto-configuration.
 */
public class RelatedReindexApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static void main(String[] args) {
        FunctionalSpringApplication.run(RelatedReindexApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        FunctionBeans.register(context, "relatedReindex", RelatedReindex.class,
                () -> relatedReindex(context.getEnvironment()));
    }

    static RelatedReindex relatedReindex(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        String table = env.getRequiredProperty("DISCOVERY_TABLE");
        RelatedPolicy policy = RelatedPolicy.parse(env.getProperty("RELATED_TOP_K"),
                env.getProperty("RELATED_POSTINGS_PER_TERM"), env.getProperty("RELATED_MAX_CANDIDATES"));
        return new RelatedReindex(new RelatedIndexer(new DynamoTermIndex(dynamo, table),
                new DynamoRelatedStore(dynamo, table), policy));
    }
}
