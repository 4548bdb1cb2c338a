package dev.clipflow.local.runtime.sfn;

/**
 * Thrown by {@link LocalStepFunctions} for a request AWS would refuse; the endpoint answers HTTP 400 with
 * {@code {"__type": type, "message": message}}, the AWS JSON 1.0 error shape.
 */
public class SfnErrorException extends RuntimeException {

    private final String type;

    public SfnErrorException(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
