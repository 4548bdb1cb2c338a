package dev.clipflow.local.asl.intrinsic;

/**
 * Thrown when an intrinsic call fails at run time. AWS reports these with the {@code States.Runtime} error name;
 * the message is the cause text after the state prefix (for example {@code Invalid arguments in States.MathAdd}).
 */
public class IntrinsicFailureException extends RuntimeException {
    public IntrinsicFailureException(String message) {
        super(message);
    }
}
