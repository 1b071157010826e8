/**
 * Go's net/rpc with the gob codec: {@link dev.coldbrew.gorpc.rpc.RequestHeader} and
 * {@link dev.coldbrew.gorpc.rpc.ResponseHeader} frame every call, {@link dev.coldbrew.gorpc.rpc.RpcServer}
 * serves registered {@link dev.coldbrew.gorpc.rpc.RpcMethod}s and {@link dev.coldbrew.gorpc.rpc.RpcClient}
 * calls them. The error texts are net/rpc's ({@link dev.coldbrew.gorpc.rpc.NetRpc}).
 */
package dev.coldbrew.gorpc.rpc;
