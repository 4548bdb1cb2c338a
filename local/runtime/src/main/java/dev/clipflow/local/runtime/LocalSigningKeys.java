package dev.clipflow.local.runtime;

import dev.clipflow.media.CloudFrontSignatures;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The media signing key pair of a local stack (docs/adr/0014), new at every start: what an operator does once on AWS
 * (README, "Deploy") done by the runtime. The public key is the template parameter {@value #PUBLIC_KEY_PARAMETER}
 * (so the distribution's key group, which the CloudFront stand-in checks signatures with, holds it), the private key
 * goes into the secret {@value #PRIVATE_KEY_SECRET} in place of its generated placeholder.
 */
final class LocalSigningKeys {
    static final String PUBLIC_KEY_PARAMETER = "MediaSigningPublicKeyPem";
    static final String PRIVATE_KEY_SECRET = "MediaSigningKeySecret";

    private final KeyPair keys;

    private LocalSigningKeys(KeyPair keys) {
        this.keys = keys;
    }

    static LocalSigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new LocalSigningKeys(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No RSA key generator in this JDK", e);
        }
    }

    /** The template parameter that carries the public key. */
    Map<String, String> parameters() {
        return Map.of(PUBLIC_KEY_PARAMETER, CloudFrontSignatures.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    }

    /** The signing secret's value (by logical id): the private key in PEM (PKCS#8). */
    Map<String, String> secretValues() {
        return Map.of(PRIVATE_KEY_SECRET, CloudFrontSignatures.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    }
}
