package dev.clipflow.local.runtime.template;

/** Thrown when template.yaml (or a file it names) cannot be read into the local model. */
public class TemplateInvalidException extends RuntimeException {

    public TemplateInvalidException(String message) {
        super(message);
    }
}
