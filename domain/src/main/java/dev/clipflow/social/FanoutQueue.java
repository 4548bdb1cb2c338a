package dev.clipflow.social;

import java.util.List;

/** Where large channels' fan-out batches go, to be delivered by the fan-out function (port). */
public interface FanoutQueue {
    /** Enqueues every batch; throws a transient exception when the queue refused some. */
    void send(List<FanoutBatch> batches);
}
