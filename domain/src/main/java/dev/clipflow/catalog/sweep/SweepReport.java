package dev.clipflow.catalog.sweep;

/**
 * What one sweep did.
 *
 * @param uploadsExpired   videos failed because their upload window passed
 * @param processingExpired videos failed because they stayed PROCESSING past the execution timeout
 * @param deletionsRestarted DELETING videos whose deletion workflow was restarted under its next attempt (the last
 *                         one ended without finishing)
 * @param movedOn          listed videos left alone because they changed meanwhile
 * @param released         failed videos whose upload was aborted and outputs deleted (this sweep's and any an
 *                         interrupted sweep left)
 * @param outputsDeleted   objects deleted from the media bucket
 * @param complete         false when the sweep stopped at its time budget with candidates left (the next sweep
 *                         goes on)
 */
public record SweepReport(int uploadsExpired, int processingExpired, int deletionsRestarted, int movedOn,
                          int released, int outputsDeleted, boolean complete) {
}
