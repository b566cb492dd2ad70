package org.tradegateway.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An import read from one file: its digest is the file's, its size the file's (for progress and ETA). */
abstract class FileSource implements ImportSource {
    protected final Path file;

    FileSource(Path file) {
        this.file = file;
    }

    @Override
    public final String contentHash() throws IOException {
        return FileDigest.sha256(file);
    }

    @Override
    public final long sizeBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
