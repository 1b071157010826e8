/**
 * The service-provider interface for transports other than the Runtime API, such as Lambda's go1.x protocol
 * (coldbrew-gorpc). The runtime looks providers up only when {@code _LAMBDA_SERVER_PORT} is set, so the normal
 * Runtime API path loads none of these classes.
 */
package dev.coldbrew.runtime.spi;
