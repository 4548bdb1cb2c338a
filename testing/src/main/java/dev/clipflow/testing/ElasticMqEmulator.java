package dev.clipflow.testing;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ's SQS-compatible server, in-process, on a free loopback port. */
final class ElasticMqEmulator {
    private final SQSRestServer server;
    private final int port;

    private ElasticMqEmulator(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static ElasticMqEmulator start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqEmulator(server, port);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void stop() {
        server.stopAndWait();
    }
}
