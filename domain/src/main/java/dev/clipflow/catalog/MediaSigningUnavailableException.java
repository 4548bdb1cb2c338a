package dev.clipflow.catalog;

/**
 * Thrown when restricted media cannot be signed: the signing key is missing or not a key (for example the
 * deployment's secret still holds its placeholder). The API answers 503; nothing is changed.
 */
public class MediaSigningUnavailableException extends RuntimeException {

    public MediaSigningUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
