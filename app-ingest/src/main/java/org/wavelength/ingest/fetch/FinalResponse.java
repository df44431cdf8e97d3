package org.wavelength.ingest.fetch;

import java.net.URI;

/** Turns the answer at the end of the redirects into a result, or into a FetchException that says what its status means. */
final class FinalResponse {

    private FinalResponse() {
    }

    /**
     * @param requested         the address asked for, for messages
     * @param finalUri          the address that gave this answer
     * @param sent              the validators the request carried
     * @param permanentRedirect see {@link FetchResult#permanentRedirect()}
     */
    static FetchResult read(URI requested, URI finalUri, Answer response, Validators sent, URI permanentRedirect) {
        int status = response.statusCode();
        String where = FetchFailures.where(requested, finalUri);
        if (status == 304) {
            if (sent.isEmpty()) {
                throw new FetchException("The server answered HTTP 304 (not modified) for " + where
                        + " although the request was not conditional. A cache on the way may be confused; "
                        + "it will be tried again later.");
            }
            Validators fresh = new Validators(response.header("ETag").orElse(sent.etag()),
                    response.header("Last-Modified").orElse(sent.lastModified()));
            return new NotModified(finalUri, fresh, permanentRedirect);
        }
        if (status >= 300 && status <= 399) {
            String location = response.header("Location").orElse("nowhere");
            throw new FetchException("The server answered HTTP " + status + " for " + where + ", a redirect to "
                    + location + " of a kind that is not followed. Update the feed address if the new one is trustworthy.");
        }
        if (status < 200 || status > 299) {
            throw new FetchException("The server answered HTTP " + status + " for " + where + advice(status));
        }
        String encoding = ConditionalGet.unsupportedEncoding(response.headers());
        if (encoding != null) {
            throw new FetchException("The server sent " + where + " compressed as '" + encoding
                    + "', which is not supported (only gzip is).");
        }
        // through Validators, so that blank values are dropped and the others stripped, as they are stored
        Validators received = new Validators(response.header("ETag").orElse(null),
                response.header("Last-Modified").orElse(null));
        return new FetchedDocument(finalUri, response.body(), response.header("Content-Type").orElse(null),
                received.etag(), received.lastModified(), permanentRedirect);
    }

    private static String advice(int status) {
        if (status == 401 || status == 403) {
            return ": access is denied, the feed may be private or block unknown clients.";
        }
        if (status == 404 || status == 410) {
            return ": the feed is not at this address (any more). Check the address, or look for the feed's new one.";
        }
        if (status == 429) {
            return ": we fetched it too often. It will be tried again later.";
        }
        if (status >= 500) {
            return ": a server error, usually temporary. It will be tried again later.";
        }
        return ".";
    }
}
