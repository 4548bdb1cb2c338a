package dev.clipflow.local.runtime.template;

import java.util.List;

/**
 * An {@code AWS::CloudFront::Distribution}: what the local stand-in needs of it.
 *
 * @param originBucket the logical id of the S3 bucket its first S3 origin reads, or {@code null} when it has none
 *                     (the stand-in then serves nothing)
 */
public record DistributionDef(String logicalId, String originBucket) {

    /**
     * The template bucket an origin's resolved {@code DomainName} names ({@code <bucket>.s3[.<region>].amazonaws.com}).
     */
    static String originBucket(List<String> originDomainNames, List<BucketDef> buckets) {
        for (String domain : originDomainNames) {
            for (BucketDef b : buckets) {
                if (domain.equals(b.name() + ".s3." + LocalAws.URL_SUFFIX)
                        || domain.equals(b.name() + ".s3." + LocalAws.REGION + "." + LocalAws.URL_SUFFIX)) {
                    return b.logicalId();
                }
            }
        }
        return null;
    }
}
