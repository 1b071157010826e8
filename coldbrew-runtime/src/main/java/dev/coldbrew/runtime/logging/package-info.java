/** The function logger: TEXT and JSON lines on standard output, filtered by level. */
package dev.coldbrew.runtime.logging;
