package dev.clipflow.aws;

import java.util.Objects;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider that SnapStart sandboxes do not share (docs/adr/0015): the provider it delegates to (on
 * Lambda the default chain, which fetches the container credentials and caches them) is created on first use, and
 * after a restore {@link #renew()} drops it, closing it, so the next call creates a new one from {@code factory} and
 * resolves credentials in the restored sandbox, not from the snapshot's cache. An instance registers itself with the
 * global CRaC context ({@link #register()}), which holds it weakly: it is renewed after every restore for as long as
 * a client uses it. Thread-safe; {@link #renew()} is meant for the restore hook, when no call is in flight.
 */
final class RestorableCredentials implements AwsCredentialsProvider, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(RestorableCredentials.class);

    private final Supplier<? extends AwsCredentialsProvider> factory;
    private AwsCredentialsProvider current;

    RestorableCredentials(Supplier<? extends AwsCredentialsProvider> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Registers this instance with the global CRaC context (a no-op on a JVM without CRaC). */
    RestorableCredentials register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return provider().resolveCredentials();
    }

    /** The provider in use, created from the factory if there is none since the last {@link #renew()}. */
    synchronized AwsCredentialsProvider provider() {
        if (current == null) {
            current = Objects.requireNonNull(factory.get(), "the credentials factory returned null");
        }
        return current;
    }

    /** Drops the provider in use, closing it; the next call creates a new one. */
    void renew() {
        AwsCredentialsProvider old;
        synchronized (this) {
            old = current;
            current = null;
        }
        if (old instanceof SdkAutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the credentials provider {} after a restore failed; a new one is used", old, e);
            }
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing: priming resolves no credentials (SdkPriming), and a provider created before the snapshot is
        // dropped after the restore.
    }

    /** SnapStart's restore hook: {@link #renew()}. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        renew();
    }

    @Override
    public synchronized String toString() {
        return "RestorableCredentials(" + current + ")";
    }
}
