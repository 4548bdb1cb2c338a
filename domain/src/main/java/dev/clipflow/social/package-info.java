/**
 * The social context: who follows which channel, and each viewer's feed. Publishing fans a video
 * out to subscribers' feeds (inline for small channels, through queued batches for large ones,
 * not at all above the celebrity threshold, where feeds pull the channel's timeline at read
 * time). Feed entries are keyed by (viewer, video), so repeating a fan-out writes nothing new.
 * Ports: {@link dev.clipflow.social.SubscriptionStore}, {@link dev.clipflow.social.FeedStore},
 * {@link dev.clipflow.social.FanoutQueue}. No nulls unless a component says so.
 */
package dev.clipflow.social;
