package org.wavelength.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Collects a response body, gunzipping it on the fly when the server compressed it, and gives up
 * as soon as the decompressed size passes the limit: neither a huge feed nor a gzip bomb is ever
 * held in memory beyond the limit.
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
    private final LimitedBuffer buffer;
    private final Gunzip gunzip;
    private volatile Flow.Subscription subscription;

    LimitedBodySubscriber(long maxBytes, boolean gzipped) {
        this.buffer = new LimitedBuffer(maxBytes);
        this.gunzip = gzipped ? new Gunzip(buffer) : null;
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
            release(); // aborted from outside while data was still arriving
            return;
        }
        try {
            for (ByteBuffer item : items) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                if (gunzip != null) {
                    gunzip.write(bytes);
                } else {
                    buffer.append(bytes, 0, bytes.length);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        release();
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        try {
            if (gunzip != null) {
                gunzip.finish();
            }
            release();
            result.complete(buffer.toByteArray());
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * Stops reading when the caller stops waiting (time limit). Called from another thread, so it
     * leaves the inflater to the next {@link #onNext} rather than freeing it under its feet.
     */
    void abort(Throwable reason) {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        result.completeExceptionally(reason);
    }

    private void fail(Throwable reason) {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        release();
        result.completeExceptionally(reason);
    }

    private synchronized void release() {
        if (gunzip != null) {
            gunzip.end();
        }
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
    }

    /**
     * Push-style gunzip: reads the gzip header (RFC 1952) itself and inflates the deflate data with a
     * raw {@link Inflater}, since the JDK only offers gunzip as a pull-style input stream. A body
     * that does not start with the gzip magic is passed through: some servers label plain bodies gzip.
     */
    private static final class Gunzip {
        private static final int MAX_HEADER = 64 * 1024;
        private final LimitedBuffer out;
        private final Inflater inflater = new Inflater(true);
        private final byte[] chunk = new byte[16 * 1024];
        private ByteArrayOutputStream header = new ByteArrayOutputStream();
        private boolean passThrough;
        private boolean ended;

        Gunzip(LimitedBuffer out) {
            this.out = out;
        }

        void write(byte[] bytes) throws IOException {
            if (passThrough) {
                out.append(bytes, 0, bytes.length);
                return;
            }
            if (header != null) {
                header.write(bytes, 0, bytes.length);
                byte[] head = header.toByteArray();
                if (!looksGzipped(head)) {
                    passThrough = true;
                    header = null;
                    out.append(head, 0, head.length);
                    return;
                }
                int length = headerLength(head);
                if (length < 0) {
                    if (head.length > MAX_HEADER) {
                        throw new ZipException("gzip header too long");
                    }
                    return;
                }
                header = null;
                inflate(head, length, head.length - length);
                return;
            }
            inflate(bytes, 0, bytes.length);
        }

        private void inflate(byte[] bytes, int offset, int length) throws IOException {
            if (ended || inflater.finished() || length == 0) {
                return; // the 8-byte trailer, or anything after the compressed data, is ignored
            }
            inflater.setInput(bytes, offset, length);
            try {
                while (true) {
                    int n = inflater.inflate(chunk);
                    if (n > 0) {
                        out.append(chunk, 0, n);
                    } else if (inflater.finished() || inflater.needsInput()) {
                        return;
                    } else {
                        throw new ZipException("gzip data needs a preset dictionary");
                    }
                }
            } catch (DataFormatException e) {
                throw new ZipException("corrupt gzip data: " + e.getMessage());
            }
        }

        void finish() throws IOException {
            if (passThrough) {
                return;
            }
            if (header != null && header.size() == 0) {
                return; // an empty body, labelled gzip
            }
            if (header != null || !inflater.finished()) {
                throw new ZipException("the gzip data ended early");
            }
        }

        void end() {
            if (!ended) {
                ended = true;
                inflater.end();
            }
        }

        private static boolean looksGzipped(byte[] head) {
            return (head.length < 1 || (head[0] & 0xFF) == 0x1F) && (head.length < 2 || (head[1] & 0xFF) == 0x8B);
        }

        /** Length of the gzip header at the start of {@code head}, or -1 while it is incomplete. */
        private static int headerLength(byte[] head) throws ZipException {
            if (head.length < 10) {
                return -1;
            }
            if (head[2] != 8) {
                throw new ZipException("unsupported gzip compression method " + head[2]);
            }
            int flags = head[3] & 0xFF;
            int position = 10;
            if ((flags & 0x04) != 0) { // FEXTRA
                if (head.length < position + 2) {
                    return -1;
                }
                position += 2 + ((head[position] & 0xFF) | (head[position + 1] & 0xFF) << 8);
            }
            for (int flag : new int[] {0x08, 0x10}) { // FNAME, FCOMMENT: zero-terminated
                if ((flags & flag) != 0) {
                    while (position < head.length && head[position] != 0) {
                        position++;
                    }
                    if (position >= head.length) {
                        return -1;
                    }
                    position++;
                }
            }
            if ((flags & 0x02) != 0) { // FHCRC
                position += 2;
            }
            return position <= head.length ? position : -1;
        }
    }
}
