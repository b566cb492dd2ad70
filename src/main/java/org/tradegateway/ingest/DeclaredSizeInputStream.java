package org.tradegateway.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an archive entry, refused as soon as they exceed the size the archive declares for it: an entry
 * that inflates to more than it claims (a zip bomb, or a damaged file) ends the import.
 */
final class DeclaredSizeInputStream extends FilterInputStream {
    private final long declared;
    private final String name;
    private long read;

    /** {@code declared} of -1 (unknown) checks nothing. */
    DeclaredSizeInputStream(InputStream in, long declared, String name) {
        super(in);
        this.declared = declared;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (declared >= 0 && read > declared) {
            throw new MalformedInputException(name + ": holds more than the " + declared
                    + " bytes its archive declares for it; the file is damaged or not what it claims");
        }
    }
}
