package dev.clipflow.contracts;

import java.io.InputStream;
import java.io.OutputStream;

/** A class the packaged-artifacts tests put into a fixture zip: a handler Lambda could load. */
public class HandlerFixture {

    public void handleRequest(InputStream in, OutputStream out) {
        // nothing: loaded, never run
    }
}
