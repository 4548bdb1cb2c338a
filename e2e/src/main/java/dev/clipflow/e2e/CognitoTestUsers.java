package dev.clipflow.e2e;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Test users in the stack's Cognito user pool: AdminCreateUser (no invitation message; the pool signs in by
 * email, so the name is an address under example.com), AdminSetUserPassword (permanent), then a token with
 * AdminInitiateAuth {@code ADMIN_USER_PASSWORD_AUTH}. The template's app client allows
 * {@code USER_PASSWORD_AUTH} but not {@code ADMIN_USER_PASSWORD_AUTH}; when Cognito answers that the flow is not
 * enabled, the user signs in with InitiateAuth {@code USER_PASSWORD_AUTH} instead (same tokens). Requests carry
 * the access token ({@code sub} is what the functions read; the JWT authorizer accepts its {@code client_id}).
 * {@link #close()} deletes every user created.
 */
public final class CognitoTestUsers implements TestUsers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final String clientId;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();

    public CognitoTestUsers(CognitoIdentityProviderClient cognito, String userPoolId, String clientId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
    }

    @Override
    public synchronized TestUser create(String label) {
        String name = "e2e-" + label + "-" + run + "@example.com";
        String password = password();
        try {
            cognito.adminCreateUser(r -> r.userPoolId(userPoolId).username(name)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(name).build(),
                            AttributeType.builder().name("email_verified").value("true").build()));
            created.add(name);
            cognito.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(name).password(password)
                    .permanent(true));
            AuthenticationResultType tokens = signIn(name, password);
            return new TestUser(name, Map.of("Authorization", "Bearer " + tokens.accessToken()));
        } catch (RuntimeException e) {
            throw new TestUserCreationException("Cannot create or sign in test user " + name + " in " + userPoolId
                    + ": " + RealTargetProbes.firstLine(e), e);
        }
    }

    private AuthenticationResultType signIn(String name, String password) {
        try {
            return cognito.adminInitiateAuth(r -> r.userPoolId(userPoolId).clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", name, "PASSWORD", password))).authenticationResult();
        } catch (InvalidParameterException e) {
            // "Auth flow not enabled for this client": the template's client lacks ALLOW_ADMIN_USER_PASSWORD_AUTH.
            return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", name, "PASSWORD", password))).authenticationResult();
        }
    }

    /** 24 characters with lower and upper case letters, digits and a symbol: fits the pool's policy. */
    static String password() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "Ee2e-" + HexFormat.of().formatHex(bytes) + "Z9";
    }

    public synchronized List<String> createdUsers() {
        return List.copyOf(created);
    }

    @Override
    public synchronized void close() {
        for (String name : created) {
            try {
                cognito.adminDeleteUser(r -> r.userPoolId(userPoolId).username(name));
            } catch (RuntimeException e) {
                System.err.println("[e2e] could not delete test user " + name + ": " + RealTargetProbes.firstLine(e));
            }
        }
        created.clear();
        cognito.close();
    }
}
