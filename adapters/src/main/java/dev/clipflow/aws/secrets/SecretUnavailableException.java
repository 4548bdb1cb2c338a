package dev.clipflow.aws.secrets;

/**
 * Thrown by {@link SecretStrings#read} when a secret cannot be read (no id configured, not found, access denied,
 * Secrets Manager unreachable) or holds no string value. The message names the secret, never its value.
 */
public class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
