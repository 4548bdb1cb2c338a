package dev.clipflow.bench.coldstart;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.SdkPriming;
import dev.clipflow.aws.dynamodb.DynamoVideoRepository;

/**
 * SnapStart priming of the SDK path (docs/adr/0015), in the JVM it runs in: builds the DynamoDB client and the
 * video repository as the upload API does (the init phase), then, in mode {@code primed}, primes a GetItem with
 * {@link SdkPriming} (signed, not sent), and times the first real GetItem after that: the first request's SDK
 * latency after a primed or unprimed init. Prints {@code sdkpriming <mode> <first-call-ms> <init-ms>}. No
 * restore is measured (no CRaC JVM): a restored snapshot would also keep what the init loaded and compiled.
 * Configuration from system properties (sdk-priming.sh: the emulators' endpoints and VIDEOS_TABLE).
 */
public final class SdkPrimingProbe {
    private SdkPrimingProbe() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        if (!mode.equals("primed") && !mode.equals("unprimed")) {
            throw new IllegalArgumentException("mode is primed or unprimed, not " + mode);
        }
        long start = System.nanoTime();
        var videos = new DynamoVideoRepository(new AwsClients(System::getProperty).dynamoDb(),
                System.getProperty("VIDEOS_TABLE"));
        if (mode.equals("primed")) {
            SdkPriming.prime(() -> videos.find("snapstart-priming"));
        }
        long init = System.nanoTime() - start;
        long first = System.nanoTime();
        videos.find("vid-bench-first");
        long firstCall = System.nanoTime() - first;
        System.out.printf("sdkpriming %s %.1f %.1f%n", mode, firstCall / 1e6, init / 1e6);
    }
}
