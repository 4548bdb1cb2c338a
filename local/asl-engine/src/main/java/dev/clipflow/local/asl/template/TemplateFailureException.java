package dev.clipflow.local.asl.template;

/**
 * Thrown when a payload template cannot be applied at run time (a {@code .$} path selects nothing, an intrinsic
 * call fails). AWS reports these as {@code States.Runtime}; the message is the cause after the state prefix.
 */
public class TemplateFailureException extends RuntimeException {
    public TemplateFailureException(String message) {
        super(message);
    }
}
