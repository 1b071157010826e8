/** A real in-process fake Runtime API as a JUnit 5 extension ({@link dev.coldbrew.runtime.testing.FakeRuntimeApi}) for testing functions and runtimes. */
package dev.coldbrew.runtime.testing;
