/**
 * Go's gob encoding. {@link dev.coldbrew.gorpc.gob.GobCodec} maps a Java type to a gob type by hand
 * ({@link dev.coldbrew.gorpc.gob.GobScalars}, {@link dev.coldbrew.gorpc.gob.StructCodec},
 * {@link dev.coldbrew.gorpc.gob.SliceCodec}); {@link dev.coldbrew.gorpc.gob.GobEncoder} and
 * {@link dev.coldbrew.gorpc.gob.GobDecoder} keep one stream's type definitions, as Go's do. Every decode
 * error is a {@link dev.coldbrew.gorpc.gob.GobException} naming the operation, the type id and the offset.
 */
package dev.coldbrew.gorpc.gob;
