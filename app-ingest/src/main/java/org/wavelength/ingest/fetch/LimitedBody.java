package org.wavelength.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body and gives up as soon as it passes the size limit; a gzipped body is then
 * unpacked with the JDK's {@link GZIPInputStream} within the same limit, so neither a huge feed nor
 * a gzip bomb is ever held in memory beyond it. The compressed bytes count against the limit too:
 * gzip only makes a body larger by a few bytes of framing, and only one that does not compress.
 */
final class LimitedBody {

    /** The body passed the limit; {@link FetchFailures} explains it. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("Body larger than " + limit + " bytes");
        }
    }

    private LimitedBody() {
    }

    /** @param gzipped whether the server said Content-Encoding gzip (a body without gzip's magic is taken as it is) */
    static byte[] read(InputStream body, boolean gzipped, long maxBytes) throws IOException {
        LimitedBuffer received = new LimitedBuffer(maxBytes);
        byte[] chunk = new byte[16 * 1024];
        for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
            received.append(chunk, 0, n);
        }
        return gzipped && received.startsWithGzipMagic() ? gunzip(received.asInputStream(), maxBytes) : received.toByteArray();
    }

    private static byte[] gunzip(InputStream compressed, long maxBytes) throws IOException {
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
