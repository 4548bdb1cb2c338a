package dev.clipflow.bench.coldstart;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.aws.dynamodb.CatalogTables;

/** Creates the uploads bucket and the catalog tables on the running emulators (names from system properties). */
public final class BenchSetup {
    private BenchSetup() {
    }

    public static void main(String[] args) {
        AwsClients aws = new AwsClients(name -> System.getProperty(name, System.getenv(name)));
        aws.s3().createBucket(b -> b.bucket(System.getProperty("UPLOADS_BUCKET")));
        CatalogTables.create(aws.dynamoDb(), System.getProperty("VIDEOS_TABLE"), System.getProperty("CHANNELS_TABLE"));
        System.out.println("setup done");
    }
}
