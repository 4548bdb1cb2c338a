/**
 * Tamper-proof page cursors: an opaque string that carries a listing position, the scope it was
 * issued for (a viewer's feed, say) and an expiry, signed with HMAC-SHA256 so that a client cannot
 * forge, alter or transplant one. No nulls unless a component says so.
 */
package dev.clipflow.paging;
