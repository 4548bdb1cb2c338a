package dev.clipflow.discovery;

/**
 * The bounds of the related-videos update: they make its cost independent of the catalog's size.
 *
 * @param topK            related videos kept per video (at most {@value #MAX_TOP_K}: a list is saved in one transaction
 *                        with a reverse reference per video it holds and per video it dropped, 100 items at most)
 * @param postingsPerTerm postings read per term (the most recent ones)
 * @param maxCandidates   distinct candidates scored per publish
 */
public record RelatedPolicy(int topK, int postingsPerTerm, int maxCandidates) {
    public static final RelatedPolicy DEFAULT = new RelatedPolicy(20, 100, 1000);
    public static final int MAX_TOP_K = 49;

    public RelatedPolicy {
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK must be 1 to " + MAX_TOP_K + ": " + topK);
        }
        if (postingsPerTerm < 1 || postingsPerTerm > 1000) {
            throw new IllegalArgumentException("postingsPerTerm must be 1 to 1000: " + postingsPerTerm);
        }
        if (maxCandidates < topK) {
            throw new IllegalArgumentException("maxCandidates must be at least topK: " + maxCandidates);
        }
    }

    /**
     * The policy the environment configures ({@code RELATED_TOP_K}, {@code RELATED_POSTINGS_PER_TERM},
     * {@code RELATED_MAX_CANDIDATES}): each blank or null value is {@link #DEFAULT}'s.
     */
    public static RelatedPolicy parse(String topK, String postingsPerTerm, String maxCandidates) {
        return new RelatedPolicy(value(topK, DEFAULT.topK()), value(postingsPerTerm, DEFAULT.postingsPerTerm()),
                value(maxCandidates, DEFAULT.maxCandidates()));
    }

    private static int value(String configured, int fallback) {
        return configured == null || configured.isBlank() ? fallback : Integer.parseInt(configured.strip());
    }
}
