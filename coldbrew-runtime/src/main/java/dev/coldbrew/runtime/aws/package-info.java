/** Compatibility with aws-lambda-java-core: RequestHandler, RequestStreamHandler, Context and LambdaLogger. The only classes that touch AWS's types, loaded only for such handlers. */
package dev.coldbrew.runtime.aws;
