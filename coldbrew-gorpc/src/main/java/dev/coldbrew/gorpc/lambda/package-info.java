/**
 * The go1.x Lambda protocol: aws-lambda-go's {@code messages} as records with gob codecs, the function side
 * ({@link dev.coldbrew.gorpc.lambda.GoRpcFunctionServer} calling a {@link dev.coldbrew.gorpc.lambda.FunctionInvoker})
 * and the Lambda side ({@link dev.coldbrew.gorpc.lambda.GoRpcFunctionClient}).
 */
package dev.coldbrew.gorpc.lambda;
