package dev.clipflow.local.runtime.iam;

import dev.clipflow.local.runtime.template.LocalAws;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM role as the template defines it, and the session a function or state machine runs under.
 *
 * @param owner the template resource whose role it is ({@code IngestFunction}, {@code VideoPipeline})
 * @param roleName the role's local name ({@code <stack>-<owner>Role}, as SAM names it {@code <owner>Role})
 * @param sessionName the assumed-role session ({@code IngestFunction}: Lambda uses the function's name)
 */
public record Role(String owner, String roleName, String sessionName, List<Statement> statements) {

    public Role {
        statements = List.copyOf(statements);
    }

    public String arn() {
        return "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/" + roleName;
    }

    /** The principal AWS names in its errors: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. */
    public String assumedRoleArn() {
        return "arn:aws:sts::" + LocalAws.ACCOUNT + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** AWS's evaluation of identity-based policies: an explicit Deny wins, then an Allow, else implicit deny. */
    public Decision decide(AccessRequest request) {
        Map<String, String> context = new LinkedHashMap<>(request.context());
        context.putIfAbsent("aws:PrincipalArn", arn());
        context.putIfAbsent("aws:PrincipalAccount", LocalAws.ACCOUNT);
        context.putIfAbsent("aws:RequestedRegion", LocalAws.REGION);
        AccessRequest full = new AccessRequest(request.action(), request.resource(), context);
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.applies(full)) {
                if (!s.allow()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** The first of the requests this role may not make, with AWS's message; empty when all are allowed. */
    public java.util.Optional<Denial> check(List<AccessRequest> requests) {
        for (AccessRequest r : requests) {
            Decision d = decide(r);
            if (d != Decision.ALLOW) {
                return java.util.Optional.of(new Denial(this, r, d));
            }
        }
        return java.util.Optional.empty();
    }
}
