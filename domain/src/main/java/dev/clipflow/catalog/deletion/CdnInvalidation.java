package dev.clipflow.catalog.deletion;

import java.util.List;

/** The CDN in front of the media bucket (port): CloudFront on AWS, the local media server locally. */
public interface CdnInvalidation {

    /** Asks the CDN to drop its cached copies under {@code paths} ({@code /videos/<id>/*} style); returns an id. */
    String invalidate(String callerReference, List<String> paths);
}
