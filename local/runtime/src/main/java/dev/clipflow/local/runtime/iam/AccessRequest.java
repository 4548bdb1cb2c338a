package dev.clipflow.local.runtime.iam;

import java.util.Map;

/**
 * One authorisation AWS makes for a request: an action ({@code s3:GetObject}) on a resource ARN, with the request's
 * condition keys ({@code s3:prefix}, ...; absent keys are absent, as in AWS's request context).
 */
public record AccessRequest(String action, String resource, Map<String, String> context) {

    public AccessRequest {
        context = Map.copyOf(context);
    }

    public AccessRequest(String action, String resource) {
        this(action, resource, Map.of());
    }
}
