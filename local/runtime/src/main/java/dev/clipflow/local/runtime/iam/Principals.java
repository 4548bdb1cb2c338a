package dev.clipflow.local.runtime.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who makes a request, from its SigV4 credential: every role of the template has its own access key id (what
 * Lambda's temporary credentials are to a function), derived from the role's name; the stack's own key (the
 * test harness, the CLI, the event sources: the "administrator") is allowed everything. All keys share the
 * emulators' secret, so the emulators still check every signature.
 */
public final class Principals {

    /** What a request's key id is. */
    public sealed interface Caller {
    }

    /** The stack's own key: not subject to the template's roles. */
    public record Administrator() implements Caller {
    }

    /** A role's key. */
    public record Assumed(Role role) implements Caller {
    }

    /** No credential in the request (left to the emulator, which answers as AWS does to an anonymous call). */
    public record Anonymous() implements Caller {
    }

    /** A key id no role has. */
    public record UnknownKey(String keyId) implements Caller {
    }

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final Pattern V2 = Pattern.compile("^AWS ([^:\\s]+):");

    private final String administratorKey;
    private final Map<String, Role> byKey = new LinkedHashMap<>();
    private final AccessLog log = new AccessLog();

    public Principals(String administratorKey, List<Role> roles) {
        this.administratorKey = administratorKey;
        roles.forEach(r -> byKey.put(accessKeyId(r), r));
    }

    /** The access key id of a role: {@code ASIA} and 16 characters derived from its name, as stable as the name. */
    public static String accessKeyId(Role role) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(role.roleName()
                    .getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            StringBuilder id = new StringBuilder("ASIA");
            for (int i = 0; i < 16; i++) {
                id.append(alphabet.charAt((digest[i] & 0xff) % 32));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorisations made so far. */
    public AccessLog log() {
        return log;
    }

    /**
     * Evaluates {@code requests} in order for {@code role}, logging each (a denial on stderr too); the first
     * denial, if any.
     */
    public Optional<Denial> authorize(Role role, List<AccessRequest> requests) {
        for (AccessRequest r : requests) {
            Decision d = role.decide(r);
            log.record(role, r, d);
            if (d != Decision.ALLOW) {
                Denial denial = new Denial(role, r, d);
                // on stderr, as CloudTrail would show it: functions often log only the error's type
                System.err.println("iam: denied: " + denial.message());
                return Optional.of(denial);
            }
        }
        return Optional.empty();
    }

    public String administratorKey() {
        return administratorKey;
    }

    public Optional<Role> role(String owner) {
        return byKey.values().stream().filter(r -> r.owner().equals(owner)).findFirst();
    }

    /** The caller of a request with this key id ({@code null}: none). */
    public Caller caller(String keyId) {
        if (keyId == null) {
            return new Anonymous();
        }
        if (keyId.equals(administratorKey)) {
            return new Administrator();
        }
        Role role = byKey.get(keyId);
        return role == null ? new UnknownKey(keyId) : new Assumed(role);
    }

    /**
     * The access key id of a request: from its {@code Authorization} header (SigV4 {@code Credential=}, or SigV2
     * {@code AWS key:signature}), else from a presigned URL's {@code X-Amz-Credential} or {@code AWSAccessKeyId}.
     *
     * @param authorization the header, or {@code null}
     * @param query the raw query string, or {@code null}
     * @return {@code null} when the request carries none
     */
    public static String keyId(String authorization, String query) {
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
            Matcher v2 = V2.matcher(authorization);
            if (v2.find()) {
                return v2.group(1);
            }
        }
        if (query != null) {
            for (String p : query.split("&")) {
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                if (eq > 0 && (name.equals("X-Amz-Credential") || name.equals("AWSAccessKeyId"))) {
                    String value = URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
                    return value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
                }
            }
        }
        return null;
    }
}
