/**
 * The sweeper: nothing waits forever. A video still AWAITING_UPLOAD past the upload window, or still PROCESSING
 * past the pipeline's execution timeout, can no longer be moved on by anyone else (the upload expired; the
 * execution ended without its compensation step, or never started): the sweeper fails it with a reason a person
 * can read, with a conditional write that leaves alone any video that changed meanwhile, then releases what it
 * held (its open multipart upload, its partial outputs). docs/adr/0010. Nulls are not accepted or returned.
 */
package dev.clipflow.catalog.sweep;
