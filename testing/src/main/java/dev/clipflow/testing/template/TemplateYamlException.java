package dev.clipflow.testing.template;

/** Thrown when a CloudFormation YAML text (template.yaml, a snippet in a document) cannot be read. */
public class TemplateYamlException extends RuntimeException {

    public TemplateYamlException(String message) {
        super(message);
    }
}
