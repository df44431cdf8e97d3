package org.wavelength.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Collects a response body and gives up as soon as it passes the size limit; a gzipped body is then
 * unpacked with the JDK's {@link GZIPInputStream} within the same limit, so neither a huge feed nor
 * a gzip bomb is ever held in memory beyond it. The compressed bytes count against the limit too:
 * gzip only makes a body larger by a few bytes of framing, and only one that does not compress.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the limit; stands in the future until {@link FeedFetcher} explains it. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("Body larger than " + limit + " bytes");
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long maxBytes;
    private final LimitedBuffer received;
    private final boolean gzipped;
    private volatile Flow.Subscription subscription;

    LimitedBodySubscriber(long maxBytes, boolean gzipped) {
        this.maxBytes = maxBytes;
        this.received = new LimitedBuffer(maxBytes);
        this.gzipped = gzipped;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return; // aborted from outside while data was still arriving
        }
        try {
            for (ByteBuffer item : items) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                received.append(bytes, 0, bytes.length);
            }
        } catch (BodyTooLargeException e) {
            abort(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        try {
            result.complete(gzipped && received.startsWithGzipMagic() ? gunzip(received.asInputStream()) : received.toByteArray());
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }

    /** Stops reading: when the caller stops waiting (time limit), or the body passed the limit. */
    void abort(Throwable reason) {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        result.completeExceptionally(reason);
    }

    private byte[] gunzip(InputStream compressed) throws IOException {
        LimitedBuffer unpacked = new LimitedBuffer(maxBytes);
        byte[] chunk = new byte[16 * 1024];
        try (GZIPInputStream in = new GZIPInputStream(compressed, chunk.length)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                unpacked.append(chunk, 0, n);
            }
        } catch (EOFException e) {
            // the body is complete, so the gzip data itself was cut short
            throw new ZipException("the gzip data ended early");
        }
        return unpacked.toByteArray();
    }

    /** A byte array that refuses to grow past the limit. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {
        private final long limit;

        LimitedBuffer(long limit) {
            this.limit = limit;
        }

        void append(byte[] bytes, int offset, int length) throws BodyTooLargeException {
            if ((long) size() + length > limit) {
                throw new BodyTooLargeException(limit);
            }
            write(bytes, offset, length);
        }

        /** Whether the bytes are gzip at all: some servers label plain bodies gzip. */
        boolean startsWithGzipMagic() {
            return count >= 2 && (buf[0] & 0xFF) == 0x1F && (buf[1] & 0xFF) == 0x8B;
        }

        /** The bytes so far, without copying them. */
        InputStream asInputStream() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }
}
