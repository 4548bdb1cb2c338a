package dev.clipflow.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * Signs access to restricted media (port; on AWS a CloudFront custom policy, {@code
 * dev.clipflow.media.CloudFrontSignatures}): the query parameters that open every URL matching {@code resource}
 * (a URL that may end in {@code *}) until {@code expiresAt}.
 */
@FunctionalInterface
public interface MediaUrlSigner {

    /** @throws MediaSigningUnavailableException when the signing key cannot be had (not configured, unreadable) */
    Map<String, String> sign(String resource, Instant expiresAt);
}
