package org.wavelength.web.view;

/** What the admin API takes and answers when a feed is added. */
public final class FeedRequests {

    private FeedRequests() {
    }

    public record AddFeed(String url) {
    }

    public record Added(long id, String url, String status) {
    }
}
