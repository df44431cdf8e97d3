package org.wavelength.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Puts the failures of a download into words an admin can act on, since the HTTP client's own say little. */
final class FetchFailures {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxBytes;

    FetchFailures(Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    /** Explains a failure from the HTTP client in words; the original stays attached as the cause. */
    FetchException translate(Throwable failure, URI url) {
        String host = url.getHost();
        if (hasCause(failure, LimitedBody.BodyTooLargeException.class)) {
            return new FetchException("The feed is larger than the " + describeSize(maxBytes) + " limit, so it was not "
                    + "downloaded (" + url + ").", failure);
        }
        if (hasCause(failure, ConnectTimeoutException.class)) {
            return new FetchException("Could not connect to the server " + host + " within " + describe(connectTimeout)
                    + ". The server may be down, or a firewall may be blocking the connection.", failure);
        }
        if (hasCause(failure, SocketTimeoutException.class)) {
            return new FetchException(noAnswerInTime(url), failure);
        }
        if (hasCause(failure, UnresolvedAddressException.class) || hasCause(failure, UnknownHostException.class)) {
            return new FetchException(unknownHost(host), failure);
        }
        if (hasCause(failure, SSLException.class)) {
            return new FetchException("Could not open a secure connection to " + host + ": "
                    + rootMessage(failure) + ". The server's certificate may be invalid or expired.", failure);
        }
        if (hasCause(failure, ConnectException.class)) {
            String reason = rootMessage(failure);
            if (reason.toLowerCase(Locale.ROOT).contains("refused") || !hasMessage(failure)) {
                return new FetchException("The server " + host + " refused the connection on port " + port(url)
                        + ". It may be down; check the address, or try again later.", failure);
            }
            return new FetchException("Could not connect to the server " + host + ": " + reason
                    + ". Check the address, or the network connection.", failure);
        }
        if (hasCause(failure, ZipException.class)) {
            return new FetchException("The server sent corrupt compressed (gzip) data for " + url
                    + ". It may be a temporary server problem.", failure);
        }
        if (hasCause(failure, EOFException.class) || hasCause(failure, NoHttpResponseException.class)
                || hasCause(failure, ConnectionClosedException.class)) {
            return new FetchException("The server " + host + " closed the connection before sending the whole feed. "
                    + "It may be a temporary problem.", failure);
        }
        if (hasCause(failure, IOException.class)) {
            return new FetchException("Could not download " + url + ": " + rootMessage(failure) + ".", failure);
        }
        return new FetchException("Could not download " + url + " because of an unexpected error: "
                + rootMessage(failure) + ".", failure);
    }

    /** The address for a message: the one requested, and where it was redirected to if it was. */
    static String where(URI requested, URI finalUri) {
        return finalUri.equals(requested) ? requested.toString() : finalUri + " (redirected from " + requested + ")";
    }

    static String unknownHost(String host) {
        return "Could not find the server " + host + " (DNS lookup failed). Check the address, or the network connection.";
    }

    String noAnswerInTime(URI url) {
        return "The server did not answer within " + describe(readTimeout) + " (" + url + "). "
                + "It may be overloaded; it will be tried again later.";
    }

    static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean hasMessage(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (!(t instanceof ExecutionException) && !(t instanceof CompletionException) && t.getMessage() != null && !t.getMessage().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The most specific message in the chain, since the HTTP client's wrappers often have none. */
    private static String rootMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    /** "30 seconds", "1 second", "0.5 seconds". */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return String.format(Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    /** "20 MB", "1.5 MB", "64 KB", "1000 bytes": binary units, as the limit is configured in bytes. */
    static String describeSize(long bytes) {
        long mb = 1024 * 1024;
        if (bytes >= mb) {
            return bytes % mb == 0 ? bytes / mb + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
