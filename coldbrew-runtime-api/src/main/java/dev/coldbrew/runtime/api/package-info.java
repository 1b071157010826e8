/** The Lambda Runtime API (2018-06-01) wire protocol: constants ({@link dev.coldbrew.runtime.api.RuntimeApi}), one record per message, and {@link dev.coldbrew.runtime.api.RuntimeApiClient}. No dependencies. */
package dev.coldbrew.runtime.api;
