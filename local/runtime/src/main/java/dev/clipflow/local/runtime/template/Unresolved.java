package dev.clipflow.local.runtime.template;

/**
 * A value the local runtime does not resolve (a resource with no local counterpart, such as a CloudFront
 * distribution or a Cognito user pool, or an intrinsic function it does not evaluate). Kept symbolic, as a text
 * that is a valid host name and contains no {@code ${...}} (Spring would try to resolve that as a placeholder):
 * {@code !GetAtt MediaDistribution.DomainName} → {@code mediadistribution-domainname.unresolved.local}.
 *
 * @param expression what was not resolved, e.g. {@code MediaDistribution.DomainName}
 */
public record Unresolved(String expression) {

    @Override
    public String toString() {
        String host = expression.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return (host.isEmpty() ? "value" : host) + ".unresolved.local";
    }
}
