package dev.clipflow.aws.dynamodb.discovery;

/**
 * The names the discovery context's adapters use in its one table. {@code template.yaml} declares the table and is
 * its only schema: AWS, the local runtime and the integration tests (the testing module's {@code TemplateTables})
 * create it from it; TableNamesTest checks these names against it
 * (docs/adr/0006-social-and-discovery-data-model.md explains them). pk {@code pk}, sk {@code sk}; LSI
 * {@code byTime} on {@code at} (S) and LSI {@code byRank} on {@code rank} (N), both sparse; TTL {@code expiresAt}.
 * Item types:
 * <pre>
 * t#&lt;term&gt;      &lt;videoId&gt;   posting: w, norm, at = publishedAt#videoId      (byTime)
 * t#&lt;term&gt;      #df          document frequency: n
 * d#&lt;videoId&gt;   #doc         indexed marker: channelId, terms (a count), weights {term: w}
 * #catalog       #count       indexed videos: n
 * r#&lt;videoId&gt;   #list        related list: items [{v, s}], version
 * c#&lt;videoId&gt;   &lt;otherId&gt;    co-view count: rank, expiresAt                 (byRank)
 * h#&lt;viewerId&gt;  &lt;videoId&gt;    watch history: at = watchedAt, expiresAt      (byTime)
 * rr#&lt;videoId&gt;  &lt;ownerId&gt;    reverse reference: ownerId's related list holds videoId
 * hv#&lt;videoId&gt;  &lt;viewerId&gt;   reverse reference: viewerId's history holds videoId (the entry's expiresAt)
 * </pre>
 */
public final class DiscoveryTables {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String AT = "at";
    public static final String RANK = "rank";
    public static final String BY_TIME = "byTime";
    public static final String BY_RANK = "byRank";
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private DiscoveryTables() {
    }
}
