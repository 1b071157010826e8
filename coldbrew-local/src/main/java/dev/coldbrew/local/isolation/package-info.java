/**
 * Isolation between execution environments on one machine: which process holds the other end of a loopback
 * connection ({@link dev.coldbrew.local.isolation.LoopbackSockets}, {@link dev.coldbrew.local.isolation.SocketHolders}),
 * and whether it belongs to an environment ({@link dev.coldbrew.local.isolation.EnvironmentPeers}).
 */
package dev.coldbrew.local.isolation;
