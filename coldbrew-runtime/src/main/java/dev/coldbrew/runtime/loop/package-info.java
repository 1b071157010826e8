/** The Runtime API transport: init ({@code Bootstrap}), the invoke loop, response streaming, concurrent loops. */
package dev.coldbrew.runtime.loop;
