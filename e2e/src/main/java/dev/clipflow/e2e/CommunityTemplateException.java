package dev.clipflow.e2e;

import java.util.List;

/**
 * Thrown when template.yaml refers to a resource the LocalStack community image does not run in a place
 * {@link CommunityTemplate} does not know how to reduce: extend the reduction on purpose, do not deploy half.
 */
public final class CommunityTemplateException extends RuntimeException {
    public CommunityTemplateException(List<String> references) {
        super("template.yaml still refers to resources the LocalStack community image does not run: "
                + String.join("; ", references));
    }
}
