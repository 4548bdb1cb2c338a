package dev.clipflow.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * SDK clients of the aws and localstack targets: one credentials provider, one region, and for LocalStack one
 * endpoint for every service (path-style S3). The URL-connection HTTP client leaves no threads behind.
 */
public final class SdkClients {

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final Optional<URI> endpoint;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(120)).build();

    public SdkClients(AwsCredentialsProvider credentials, Region region, Optional<URI> endpoint) {
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
    }

    /** Clients for an AWS account: the settings' profile (or the default chain) and region (or the default chain). */
    public static SdkClients forAws(E2eSettings settings) {
        return new SdkClients(credentials(settings), region(settings), Optional.empty());
    }

    /** Clients for an emulator endpoint with fixed credentials. */
    public static SdkClients forEndpoint(URI endpoint, String accessKey, String secretKey, String region) {
        return new SdkClients(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)),
                Region.of(region), Optional.of(endpoint));
    }

    static AwsCredentialsProvider credentials(E2eSettings settings) {
        return settings.profileIfSet().<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /**
     * @throws software.amazon.awssdk.core.exception.SdkClientException when no region is set and none is configured
     */
    static Region region(E2eSettings settings) {
        return settings.regionIfSet().map(Region::of).orElseGet(() -> DefaultAwsRegionProviderChain.builder()
                .profileName(settings.profileIfSet().orElse(null)).build().getRegion());
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public Region region() {
        return region;
    }

    public CloudFormationClient cloudFormation() {
        var b = CloudFormationClient.builder().httpClient(http).credentialsProvider(credentials).region(region);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public CognitoIdentityProviderClient cognito() {
        var b = CognitoIdentityProviderClient.builder().httpClient(http).credentialsProvider(credentials)
                .region(region);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public S3Client s3() {
        var b = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(region);
        endpoint.ifPresent(e -> b.endpointOverride(e).forcePathStyle(true));
        return b.build();
    }

    public DynamoDbClient dynamoDb() {
        var b = DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials).region(region);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }

    public SfnClient sfn() {
        var b = SfnClient.builder().httpClient(http).credentialsProvider(credentials).region(region);
        endpoint.ifPresent(b::endpointOverride);
        return b.build();
    }
}
