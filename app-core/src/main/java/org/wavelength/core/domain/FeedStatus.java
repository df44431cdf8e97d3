package org.wavelength.core.domain;

/** Health of a feed subscription, as the admin sees it. */
public enum FeedStatus {
    /** Added, never fetched yet. */
    PENDING,
    /** An ingest worker holds it right now. */
    FETCHING,
    /** Last fetch succeeded. */
    OK,
    /** Last fetch failed; it will be retried. */
    ERROR,
    /** Failed too many times in a row; no longer retried automatically. */
    DEAD
}
