package dev.clipflow.local.asl.intrinsic;

/** Thrown when a {@code .$} value that looks like an intrinsic call cannot be parsed. */
public class IntrinsicSyntaxException extends RuntimeException {
    public IntrinsicSyntaxException(String message) {
        super(message);
    }
}
