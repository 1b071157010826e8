/**
 * Native executables of Java functions. {@link dev.coldbrew.nativeimage.NativeImages#locate} picks the tool: a
 * GraalVM {@code native-image} where one is installed, otherwise GraalVM's image builder from Maven Central run in
 * a JVM of its own ({@link dev.coldbrew.nativeimage.MavenBuilder}) with coldbrew's C support library
 * ({@link dev.coldbrew.nativeimage.SupportLibrary}). Both take a {@link dev.coldbrew.nativeimage.NativeImageRequest}
 * and give a {@link dev.coldbrew.nativeimage.NativeImageResult}.
 */
package dev.coldbrew.nativeimage;
