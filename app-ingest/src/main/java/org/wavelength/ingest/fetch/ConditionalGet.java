package org.wavelength.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one GET, conditional when validators are known, and waits for its answer and body within the
 * deadline and size limit. The blocking exchange runs on a download thread while the caller waits
 * with the deadline, so that a server trickling one byte a second, or an interrupt, ends it on time:
 * the request is then cancelled, which closes its connection.
 */
final class ConditionalGet {

    /** The address guard's resolver refused the connection: the name answered a refused address when connecting. */
    static final class RefusedAtConnect extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient AddressPolicy.Refusal refusal;

        RefusedAtConnect(AddressPolicy.Refusal refusal, Throwable cause) {
            super(cause.getMessage(), cause);
            this.refusal = refusal;
        }

        AddressPolicy.Refusal refusal() {
            return refusal;
        }
    }

    // What feed readers ask for: feed types first, any XML next, anything as a last resort, since
    // plenty of servers label feeds text/html or application/octet-stream.
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.5";

    private final CloseableHttpClient client;
    private final ExecutorService downloads;
    private final String userAgent;
    private final long maxBytes;
    private final FetchFailures failures;

    ConditionalGet(CloseableHttpClient client, ExecutorService downloads, String userAgent, long maxBytes,
            FetchFailures failures) {
        this.client = client;
        this.downloads = downloads;
        this.userAgent = userAgent;
        this.maxBytes = maxBytes;
        this.failures = failures;
    }

    /** One request and its answer; the body is read only for 2xx answers, within the overall deadline. */
    Answer exchange(URI target, Validators validators, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(failures.noAnswerInTime(target));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(target, new InterruptedException("interrupted before the request was sent"));
        }
        HttpGet request = new HttpGet(target);
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining))))
                .build());
        request.setHeader("User-Agent", userAgent);
        request.setHeader("Accept", ACCEPT);
        request.setHeader("Accept-Encoding", "gzip");
        conditionalHeader(request, "If-None-Match", validators.etag());
        conditionalHeader(request, "If-Modified-Since", validators.lastModified());

        Future<Answer> answer = downloads.submit(() -> send(request));
        try {
            return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(request, answer);
            throw new FetchException(failures.noAnswerInTime(target), e);
        } catch (InterruptedException e) {
            stop(request, answer);
            Thread.currentThread().interrupt();
            throw interrupted(target, e);
        } catch (ExecutionException e) {
            GuardedDnsResolver.RefusedAtConnect refused = refusalIn(e.getCause());
            if (refused != null) {
                throw new RefusedAtConnect(refused.refusal(), refused);
            }
            throw failures.translate(e.getCause(), target);
        } catch (CancellationException e) {
            throw new FetchException("The download of " + target + " was cancelled.", e);
        }
    }

    private Answer send(HttpGet request) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        try {
            int status = response.getCode();
            Map<String, String> headers = firstValues(response.getHeaders());
            byte[] body = new byte[0];
            HttpEntity entity = response.getEntity();
            if (status >= 200 && status <= 299 && unsupportedEncoding(headers) == null && entity != null) {
                body = LimitedBody.read(entity.getContent(), isGzip(headers), maxBytes);
            }
            return new Answer(status, headers, body);
        } finally {
            // Closing the response would read the rest of a body nobody wants (one past the size limit, a
            // redirect's, a 404 page); cancelling first closes the connection instead.
            request.cancel();
            try {
                response.close();
            } catch (IOException alreadyClosed) {
                // the connection was just cut on purpose; what was read, or why reading stopped, is what counts
            }
        }
    }

    private static void stop(HttpGet request, Future<?> answer) {
        request.cancel();
        answer.cancel(true);
    }

    private static FetchException interrupted(URI target, InterruptedException cause) {
        return new FetchException("The download of " + target + " was interrupted because the application is stopping.",
                cause);
    }

    private static GuardedDnsResolver.RefusedAtConnect refusalIn(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof GuardedDnsResolver.RefusedAtConnect refused) {
                return refused;
            }
        }
        return null;
    }

    private static Map<String, String> firstValues(Header[] headers) {
        Map<String, String> first = new HashMap<>();
        for (Header header : headers) {
            first.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue() == null ? "" : header.getValue());
        }
        return first;
    }

    /** Adds a validator stored from an earlier answer, unless it could not be sent as a header at all. */
    private static void conditionalHeader(HttpGet request, String name, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || c > 0xFF) {
                return; // control characters (a header injection) or worse: fetching unconditionally is the safe fallback
            }
        }
        request.setHeader(name, value);
    }

    private static boolean isGzip(Map<String, String> headers) {
        String encoding = contentEncoding(headers);
        return encoding.equals("gzip") || encoding.equals("x-gzip");
    }

    /** The Content-Encoding when it is one we cannot undo (we only asked for gzip), else null. */
    static String unsupportedEncoding(Map<String, String> headers) {
        String encoding = contentEncoding(headers);
        boolean supported = encoding.isEmpty() || encoding.equals("identity") || encoding.equals("gzip") || encoding.equals("x-gzip");
        return supported ? null : encoding;
    }

    private static String contentEncoding(Map<String, String> headers) {
        return headers.getOrDefault("content-encoding", "").strip().toLowerCase(Locale.ROOT);
    }
}
