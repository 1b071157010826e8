package dev.coldbrew.nativeimage;

import java.nio.file.Path;

/** Something that turns a {@link NativeImageRequest} into an executable. */
public sealed interface NativeImageTool permits InstalledNativeImage, MavenBuilder {
    /** One line for reports and logs: what builds the images. */
    String describe();

    /**
     * Builds the executable. The builder's output goes to {@code build.log} in {@code workDir}, which also holds
     * its temporary files.
     *
     * @throws NativeImageException naming the step that failed, with the end of the builder's output
     */
    NativeImageResult build(NativeImageRequest request, Path workDir) throws NativeImageException;
}
