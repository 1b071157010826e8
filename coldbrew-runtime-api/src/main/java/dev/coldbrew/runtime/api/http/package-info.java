/** A minimal, strict HTTP/1.1 client over a plain socket: keep-alive, Content-Length and chunked bodies, request trailers. */
package dev.coldbrew.runtime.api.http;
