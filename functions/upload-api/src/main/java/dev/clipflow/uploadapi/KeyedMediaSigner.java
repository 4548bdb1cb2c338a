package dev.clipflow.uploadapi;

import dev.clipflow.catalog.MediaSigningUnavailableException;
import dev.clipflow.catalog.MediaUrlSigner;
import dev.clipflow.media.CloudFrontSignatures;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link MediaUrlSigner} with CloudFront custom policies ({@link CloudFrontSignatures}) and the private key read
 * from its secret at the first signature (then kept for the execution environment's life): a deployment whose
 * secret still holds its placeholder serves every other route and answers this one 503 until the key is put.
 */
final class KeyedMediaSigner implements MediaUrlSigner {
    private final Supplier<String> pem;
    private final String keyPairId;
    private volatile PrivateKey key;

    KeyedMediaSigner(Supplier<String> pem, String keyPairId) {
        this.pem = Objects.requireNonNull(pem, "pem");
        this.keyPairId = Objects.requireNonNull(keyPairId, "keyPairId");
    }

    @Override
    public Map<String, String> sign(String resource, Instant expiresAt) {
        return CloudFrontSignatures.sign(CloudFrontSignatures.policy(resource, expiresAt), key(), keyPairId);
    }

    private PrivateKey key() {
        PrivateKey k = key;
        if (k == null) {
            String text;
            try {
                text = pem.get();
            } catch (RuntimeException e) {
                throw new MediaSigningUnavailableException("The media signing secret cannot be read", e);
            }
            try {
                k = CloudFrontSignatures.privateKey(text);
            } catch (IllegalArgumentException e) {
                throw new MediaSigningUnavailableException(
                        "The media signing secret holds no PKCS#8 RSA private key", e);
            }
            key = k;
        }
        return k;
    }
}
