/**
 * IAM, enforced locally: each function's role and the state machine's role as {@code template.yaml} states them
 * (inline {@code Statement}s and SAM policy templates, expanded from SAM's published definitions), evaluated as
 * AWS evaluates identity-based policies (an explicit Deny wins, then an Allow, else the implicit deny), and the
 * mapping of the local endpoints' requests to the actions and resources AWS authorises.
 *
 * <p>Nothing here is {@code null} unless documented.
 */
package dev.clipflow.local.runtime.iam;
