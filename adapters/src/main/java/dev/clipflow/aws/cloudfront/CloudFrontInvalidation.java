package dev.clipflow.aws.cloudfront;

import dev.clipflow.catalog.deletion.CdnInvalidation;
import dev.clipflow.pipeline.TransientStageException;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * {@link CdnInvalidation} on CloudFront's {@code CreateInvalidation}. The caller reference makes a repeat of the same
 * request return the same invalidation instead of creating another one.
 */
public final class CloudFrontInvalidation implements CdnInvalidation {
    private final CloudFrontClient cloudFront;
    private final String distributionId;

    public CloudFrontInvalidation(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = Objects.requireNonNull(cloudFront, "cloudFront");
        this.distributionId = Objects.requireNonNull(distributionId, "distributionId");
    }

    @Override
    public String invalidate(String callerReference, List<String> paths) {
        try {
            return cloudFront.createInvalidation(r -> r.distributionId(distributionId).invalidationBatch(b -> b
                    .callerReference(callerReference)
                    .paths(p -> p.quantity(paths.size()).items(paths)))).invalidation().id();
        } catch (SdkServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new TransientStageException("CloudFront CreateInvalidation failed transiently: "
                        + e.getMessage(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new TransientStageException("CloudFront unreachable: " + e.getMessage(), e);
        }
    }
}
