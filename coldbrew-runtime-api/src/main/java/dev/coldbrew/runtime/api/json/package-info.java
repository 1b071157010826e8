/** Just enough JSON for the Runtime API's messages: a writer with full string escaping and a strict reader. */
package dev.coldbrew.runtime.api.json;
