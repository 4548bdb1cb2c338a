package dev.clipflow.uploadapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.clipflow.aws.AwsClients;
import dev.clipflow.http.HttpApiFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warm benchmark's baseline: the upload API exactly as its start class wires it ({@link UploadApiApplication#api},
 * hence this package: the bench module's own class in the function's package), behind a plain
 * {@code aws-lambda-java-core} handler instead of Spring Cloud Function. Configuration from system properties and
 * the environment ({@link StandardEnvironment}: spring-core's property lookup, no application context).
 */
public final class PlainUploadApiHandler implements RequestStreamHandler {
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpApiFunction api = api(new StandardEnvironment());

    private static HttpApiFunction api(StandardEnvironment env) {
        return new HttpApiFunction(UploadApiApplication.api(env, new AwsClients(env::getProperty).dynamoDb()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        json.writeValue(output, api.apply(input.readAllBytes()));
    }
}
