package dev.coldbrew.runtime.api.http;

/** A complete HTTP/1.1 reply: status line, header fields, body and (for a chunked body) trailer fields. */
public record HttpReply(int status, String reason, HttpHeaders headers, byte[] body, HttpHeaders trailers) {}
