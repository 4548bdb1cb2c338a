package dev.clipflow.bench.coldstart;

import dev.clipflow.aws.AwsClients;
import dev.clipflow.testing.template.TemplateTables;

/** Creates the uploads bucket and the catalog tables on the running emulators (names from system properties). */
public final class BenchSetup {
    private BenchSetup() {
    }

    public static void main(String[] args) {
        AwsClients aws = new AwsClients(name -> System.getProperty(name, System.getenv(name)));
        aws.s3().createBucket(b -> b.bucket(System.getProperty("UPLOADS_BUCKET")));
        TemplateTables.create(aws.dynamoDb(), TemplateTables.VIDEOS, System.getProperty("VIDEOS_TABLE"));
        TemplateTables.create(aws.dynamoDb(), TemplateTables.CHANNELS, System.getProperty("CHANNELS_TABLE"));
        System.out.println("setup done");
    }
}
