package dev.clipflow.aws.secrets;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads a secret's current string value from Secrets Manager. A function reads its secrets once, while it
 * initialises, and keeps them for the life of its execution environment (a rotation reaches it with the next
 * cold start); the value is never logged.
 */
public final class SecretStrings {

    private final SecretsManagerClient client;

    public SecretStrings(SecretsManagerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * @param secretId the secret's ARN (or name)
     * @return its current {@code SecretString}
     * @throws SecretUnavailableException when it cannot be read or holds no string
     */
    public String read(String secretId) {
        if (secretId == null || secretId.isBlank()) {
            throw new SecretUnavailableException("No secret id was configured", null);
        }
        GetSecretValueResponse value;
        try {
            value = client.getSecretValue(r -> r.secretId(secretId));
        } catch (SdkException e) {
            throw new SecretUnavailableException("Cannot read the secret " + secretId + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (value.secretString() == null || value.secretString().isEmpty()) {
            throw new SecretUnavailableException("The secret " + secretId + " holds no SecretString", null);
        }
        return value.secretString();
    }
}
