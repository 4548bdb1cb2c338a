package dev.clipflow.local.asl.intrinsic;

/**
 * Thrown when an intrinsic call fails at run time. AWS reports these with the {@code States.Runtime} error name;
 * the message is the cause text after the state prefix (for example {@code Invalid arguments in States.MathAdd}).
 */
public class IntrinsicFailureException extends RuntimeException {

    private final boolean missingPath;

    public IntrinsicFailureException(String message) {
        this(message, false);
    }

    /**
     * @param missingPath whether a path argument selected nothing; AWS then names the whole expression:
     *                    {@code The function '<expression>' had the following error: <message>}
     */
    public IntrinsicFailureException(String message, boolean missingPath) {
        super(message);
        this.missingPath = missingPath;
    }

    public boolean missingPath() {
        return missingPath;
    }
}
