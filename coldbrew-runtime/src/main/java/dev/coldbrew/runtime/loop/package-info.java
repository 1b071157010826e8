/**
 * Start-up and serving: {@code Config} (read once; decides the transport and the response mode), {@code Bootstrap}
 * (the one init path), the Runtime API invoke loop, response streaming, SnapStart, concurrent loops, and the
 * go1.x transport lookup.
 */
package dev.coldbrew.runtime.loop;
