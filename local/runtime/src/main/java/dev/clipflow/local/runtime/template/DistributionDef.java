package dev.clipflow.local.runtime.template;

import java.util.List;

/**
 * An {@code AWS::CloudFront::Distribution}: what the local stand-in needs of it.
 *
 * @param originBucket the logical id of the S3 bucket its first S3 origin reads, or {@code null} when it has none
 *                     (the stand-in then serves nothing)
 * @param signed       its cache behaviours with {@code TrustedKeyGroups}: served only with a signature of one of
 *                     their keys
 */
public record DistributionDef(String logicalId, String originBucket, List<SignedBehavior> signed) {

    public DistributionDef {
        signed = List.copyOf(signed);
    }

    /** A distribution without signed behaviours. */
    public DistributionDef(String logicalId, String originBucket) {
        this(logicalId, originBucket, List.of());
    }

    /**
     * A cache behaviour whose requests need a CloudFront signature.
     *
     * @param pathPattern    as in the template ({@code restricted/*})
     * @param publicKeyPems  the PEM of every public key of its key groups (resolved, e.g. from a parameter)
     */
    public record SignedBehavior(String pathPattern, List<String> publicKeyPems) {
        public SignedBehavior {
            publicKeyPems = List.copyOf(publicKeyPems);
        }
    }

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
