package dev.clipflow.local.runtime.s3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The proxy's side of a client connection: buffered, and it outlives the client. A client may hang up before
 * the last bytes of a response it has already understood (an SDK that parsed the XML of a chunked response
 * closes before the terminating chunk arrives); a write then fails with "Broken pipe". The sink swallows that
 * failure and drops what follows, so the proxy still reads the upstream response to its end and still reports
 * the write it made — S3 did store the object, whether or not the client stayed for the last byte.
 */
final class ClientSink extends OutputStream {

    private final OutputStream out;
    private IOException failure;

    ClientSink(OutputStream socket) {
        this.out = new BufferedOutputStream(socket, 64 * 1024);
    }

    /** Whether a write or flush to the client has failed (the client is gone; close the connection). */
    boolean gone() {
        return failure != null;
    }

    /** The failure that ended the client side, if any. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) {
        if (failure == null) {
            try {
                out.write(b);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (failure == null) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void flush() {
        if (failure == null) {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
