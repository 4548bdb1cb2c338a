package dev.clipflow.catalog.upload;

/**
 * Thrown when the parts named to complete an upload (or the part range asked for) do not match the
 * upload: a missing, duplicated or unknown part number, a part not uploaded, or a wrong ETag.
 */
public class UploadPartsInvalidException extends RuntimeException {
    public UploadPartsInvalidException(String message) {
        super(message);
    }

    public UploadPartsInvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
