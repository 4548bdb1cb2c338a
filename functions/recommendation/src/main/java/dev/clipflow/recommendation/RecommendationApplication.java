package dev.clipflow.recommendation;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;
import dev.clipflow.aws.dynamodb.discovery.DynamoRelatedStore;
import dev.clipflow.aws.dynamodb.discovery.DynamoTermIndex;
import dev.clipflow.discovery.RelatedIndexer;
import dev.clipflow.discovery.RelatedPolicy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The recommendation function's application: bean {@code recommendation} ({@link Recommendation}).
 * Configuration: VIDEOS_TABLE (read only), DISCOVERY_TABLE, RELATED_TOP_K (default 20),
 * RELATED_POSTINGS_PER_TERM (100), RELATED_MAX_CANDIDATES (1000) and the AWS_ENDPOINT_URL* overrides.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class RecommendationApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecommendationApplication.class, args);
    }

    @Bean
    public Recommendation recommendation(Environment env) {
        AwsClients aws = new AwsClients(env::getProperty);
        var dynamo = aws.dynamoDb();
        String table = env.getRequiredProperty("DISCOVERY_TABLE");
        RelatedPolicy policy = new RelatedPolicy(
                env.getProperty("RELATED_TOP_K", Integer.class, RelatedPolicy.DEFAULT.topK()),
                env.getProperty("RELATED_POSTINGS_PER_TERM", Integer.class, RelatedPolicy.DEFAULT.postingsPerTerm()),
                env.getProperty("RELATED_MAX_CANDIDATES", Integer.class, RelatedPolicy.DEFAULT.maxCandidates()));
        return new Recommendation(new DynamoVideoRepository(dynamo, env.getRequiredProperty("VIDEOS_TABLE")),
                new RelatedIndexer(new DynamoTermIndex(dynamo, table), new DynamoRelatedStore(dynamo, table), policy));
    }
}
