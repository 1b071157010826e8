/**
 * coldbrew's one JSON reader and writer, without a library because functions load them at start-up: a strict reader
 * (also a payload check that builds nothing) and a one-pass writer with full string escaping, used by the runtime,
 * the local Lambda and the bench's report.
 */
package dev.coldbrew.runtime.api.json;
