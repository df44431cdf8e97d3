package org.wavelength.ingest.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Sends one GET, conditional when validators are known, and waits for its answer and body within the deadline and size limit. */
final class ConditionalGet {

    // What feed readers ask for: feed types first, any XML next, anything as a last resort, since
    // plenty of servers label feeds text/html or application/octet-stream.
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.5";

    private final HttpClient client;
    private final String userAgent;
    private final long maxBytes;
    private final FetchFailures failures;

    ConditionalGet(HttpClient client, String userAgent, long maxBytes, FetchFailures failures) {
        this.client = client;
        this.userAgent = userAgent;
        this.maxBytes = maxBytes;
        this.failures = failures;
    }

    /** One request and its response; the body is read only for 2xx answers, within the overall deadline. */
    HttpResponse<byte[]> exchange(URI target, Validators validators, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(failures.noAnswerInTime(target));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        conditionalHeader(builder, "If-None-Match", validators.etag());
        conditionalHeader(builder, "If-Modified-Since", validators.lastModified());
        HttpRequest request = builder.build();

        AtomicReference<LimitedBodySubscriber> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, info -> {
            if (info.statusCode() < 200 || info.statusCode() > 299 || unsupportedEncoding(info.headers()) != null) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            LimitedBodySubscriber subscriber = new LimitedBodySubscriber(maxBytes, isGzip(info.headers()));
            body.set(subscriber);
            return subscriber;
        });
        try {
            // The request timeout above only covers waiting for the headers; this covers the body too.
            return response.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(response, body.get(), e);
            throw new FetchException(failures.noAnswerInTime(target), e);
        } catch (InterruptedException e) {
            stop(response, body.get(), e);
            Thread.currentThread().interrupt();
            throw new FetchException("The download of " + target + " was interrupted because the application is stopping.", e);
        } catch (ExecutionException e) {
            throw failures.translate(e.getCause(), target);
        } catch (CancellationException e) {
            throw new FetchException("The download of " + target + " was cancelled.", e);
        }
    }

    /** Adds a validator stored from an earlier answer, unless it could not be sent as a header at all. */
    private static void conditionalHeader(HttpRequest.Builder builder, String name, String value) {
        if (value == null) {
            return;
        }
        try {
            builder.header(name, value);
        } catch (IllegalArgumentException unusable) {
            // A value with control characters: fetching unconditionally is the safe fallback.
        }
    }

    private static void stop(CompletableFuture<?> response, LimitedBodySubscriber body, Throwable reason) {
        if (body != null) {
            body.abort(reason);
        }
        response.cancel(true);
    }

    private static boolean isGzip(HttpHeaders headers) {
        String encoding = contentEncoding(headers);
        return encoding.equals("gzip") || encoding.equals("x-gzip");
    }

    /** The Content-Encoding when it is one we cannot undo (we only asked for gzip), else null. */
    static String unsupportedEncoding(HttpHeaders headers) {
        String encoding = contentEncoding(headers);
        boolean supported = encoding.isEmpty() || encoding.equals("identity") || encoding.equals("gzip") || encoding.equals("x-gzip");
        return supported ? null : encoding;
    }

    private static String contentEncoding(HttpHeaders headers) {
        return headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    }
}
