package dev.coldbrew.pack;

/**
 * Lambda's deployment package quotas (docs gettingstarted-limits): 50 MB for a zip uploaded directly and
 * 250 MB unzipped, counting every file of the package.
 *
 * @param maxZippedBytes the largest zip accepted
 * @param maxUnzippedBytes the largest total size of the unzipped files
 */
public record SizeLimits(long maxZippedBytes, long maxUnzippedBytes) {
    public static final long MB = 1024L * 1024L;
    public static final long LAMBDA_MAX_ZIPPED_BYTES = 50 * MB;
    public static final long LAMBDA_MAX_UNZIPPED_BYTES = 250 * MB;

    public SizeLimits {
        if (maxZippedBytes <= 0 || maxUnzippedBytes <= 0) {
            throw new IllegalArgumentException(
                    "size limits must be positive, got " + maxZippedBytes + " / " + maxUnzippedBytes + " bytes");
        }
    }

    /** Lambda's own quotas. */
    public static SizeLimits lambda() {
        return new SizeLimits(LAMBDA_MAX_ZIPPED_BYTES, LAMBDA_MAX_UNZIPPED_BYTES);
    }

    /** Refuses a package whose unzipped files exceed the limit. */
    public void checkUnzipped(long bytes) throws PackageException {
        if (bytes > maxUnzippedBytes) {
            throw new PackageException("package refused: unzipped size " + megabytes(bytes) + " exceeds Lambda's "
                    + megabytes(maxUnzippedBytes) + " limit for unzipped deployment packages");
        }
    }

    /** Refuses a zip larger than the limit. */
    public void checkZipped(long bytes) throws PackageException {
        if (bytes > maxZippedBytes) {
            throw new PackageException("package refused: zip size " + megabytes(bytes) + " exceeds Lambda's "
                    + megabytes(maxZippedBytes) + " limit for a directly uploaded zip");
        }
    }

    /** {@code 12.3 MB} (MiB, as Lambda counts). */
    public static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
