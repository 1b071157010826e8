/**
 * The Lambda Runtime API (2018-06-01) wire protocol: constants, one record per message, the client, and the
 * minimal HTTP/1.1 and JSON it is written with. No dependencies beyond {@code java.base}. Functions run it on the
 * class path; this descriptor names it for the module path and for {@code dev.coldbrew.runtime}.
 */
module dev.coldbrew.runtime.api {
    exports dev.coldbrew.runtime.api;
    exports dev.coldbrew.runtime.api.http;
    exports dev.coldbrew.runtime.api.json;
}
