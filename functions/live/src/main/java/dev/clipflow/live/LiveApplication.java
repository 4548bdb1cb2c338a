package dev.clipflow.live;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.live.ApiGatewaySender;
import dev.clipflow.aws.live.CognitoTokens;
import dev.clipflow.aws.live.ConnectAuthorizer;
import dev.clipflow.aws.live.DynamoLiveConnections;
import dev.clipflow.aws.live.LiveDelivery;
import dev.clipflow.lambda.FunctionBeans;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The WebSocket API's functions (docs/adr/0013), one zip, three beans; each function's
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} names its bean and only that bean is registered (so the notifier never
 * fetches the pool's keys and the authorizer builds no AWS client). All three when it names none (the contract
 * tests' registration check; nothing is built there).
 * <ul>
 *   <li>{@code liveAuthorizer} ({@link LiveAuthorizer}): USER_POOL_ISSUER, USER_POOL_CLIENT_ID; the pool's JWKS is
 *       fetched once at initialisation (in the SnapStart snapshot) from {@code <issuer>/.well-known/jwks.json}.</li>
 *   <li>{@code liveConnections} ({@link LiveConnections}): LIVE_CONNECTIONS_TABLE.</li>
 *   <li>{@code liveNotifier} ({@link LiveNotifier}): LIVE_CONNECTIONS_TABLE, LIVE_API_ENDPOINT (the stage's
 *       {@code https://} URL, whose {@code @connections} it posts to).</li>
 * </ul>
 * Functional registration (docs/adr/0015).
 */
public class LiveApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    static final String AUTHORIZER = "liveAuthorizer";
    static final String CONNECTIONS = "liveConnections";
    static final String NOTIFIER = "liveNotifier";

    public static void main(String[] args) {
        FunctionalSpringApplication.run(LiveApplication.class, args);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        Environment env = context.getEnvironment();
        String selected = env.getProperty("SPRING_CLOUD_FUNCTION_DEFINITION", "");
        if (selected.isBlank() || selected.equals(AUTHORIZER)) {
            FunctionBeans.register(context, AUTHORIZER, LiveAuthorizer.class, () -> authorizer(env));
        }
        if (selected.isBlank() || selected.equals(CONNECTIONS)) {
            FunctionBeans.register(context, CONNECTIONS, LiveConnections.class,
                    () -> new LiveConnections(delivery(env, null)));
        }
        if (selected.isBlank() || selected.equals(NOTIFIER)) {
            FunctionBeans.register(context, NOTIFIER, LiveNotifier.class, () -> new LiveNotifier(delivery(env,
                    URI.create(env.getRequiredProperty("LIVE_API_ENDPOINT")))));
        }
    }

    static LiveAuthorizer authorizer(Environment env) {
        String issuer = env.getRequiredProperty("USER_POOL_ISSUER");
        return new LiveAuthorizer(new ConnectAuthorizer(new CognitoTokens(issuer,
                env.getRequiredProperty("USER_POOL_CLIENT_ID"), jwks(issuer), Clock.systemUTC())));
    }

    /** @param apiEndpoint null for the connect/disconnect function, which never posts */
    static LiveDelivery delivery(Environment env, URI apiEndpoint) {
        AwsClients aws = new AwsClients(env::getProperty);
        var connections = new DynamoLiveConnections(aws.dynamoDb(), env.getRequiredProperty("LIVE_CONNECTIONS_TABLE"),
                Clock.systemUTC());
        LiveDelivery.Sender sender = apiEndpoint == null
                ? (id, data) -> {
                    throw new IllegalStateException("The connections function does not post to connections");
                }
                : new ApiGatewaySender(aws.apiGatewayManagementApi(apiEndpoint));
        return new LiveDelivery(connections, sender);
    }

    /** The pool's public keys; a pool that cannot be read fails the initialisation (no key = nobody connects). */
    static String jwks(String issuer) {
        URI uri = URI.create(issuer + "/.well-known/jwks.json");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The user pool's JWKS " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the user pool's JWKS " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the user pool's JWKS " + uri, e);
        }
    }
}
