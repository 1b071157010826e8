/** A real in-process fake Runtime API as a JUnit 5 extension ({@link dev.coldbrew.runtime.testing.FakeRuntimeApi}) for testing functions and runtimes, and {@link dev.coldbrew.runtime.testing.ReachabilityMetadata} for the native-image metadata a module ships. */
package dev.coldbrew.runtime.testing;
