package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonFields;
import java.util.Map;

/**
 * The mobile-SDK client context from the {@code Lambda-Runtime-Client-Context} header: the calling app, and the
 * custom and environment maps it sent.
 */
public record ClientContext(Client client, Map<String, String> custom, Map<String, String> environment) {
    public ClientContext {
        custom = Map.copyOf(custom);
        environment = Map.copyOf(environment);
    }

    /** The calling app ({@code client} member). */
    public record Client(
            String installationId,
            String appTitle,
            String appVersionName,
            String appVersionCode,
            String appPackageName) {}

    /**
     * Parses the header's JSON ({@code {"client": {"installation_id": …}, "custom": {…}, "env": {…}}}); string
     * members of {@code custom} and {@code env} are kept.
     *
     * @return null when {@code json} is null or empty
     * @throws dev.coldbrew.runtime.api.json.JsonException naming the problem when the JSON is malformed
     */
    public static ClientContext parse(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        JsonFields fields = JsonFields.parse(json, RuntimeApi.HEADER_CLIENT_CONTEXT);
        JsonFields client = fields.object(RuntimeApi.FIELD_CLIENT);
        JsonFields custom = fields.object(RuntimeApi.FIELD_CUSTOM);
        JsonFields env = fields.object(RuntimeApi.FIELD_ENV);
        return new ClientContext(
                client == null ? null : client(client),
                custom == null ? Map.of() : custom.stringMembers(),
                env == null ? Map.of() : env.stringMembers());
    }

    private static Client client(JsonFields client) {
        return new Client(
                client.string(RuntimeApi.FIELD_INSTALLATION_ID),
                client.string(RuntimeApi.FIELD_APP_TITLE),
                client.string(RuntimeApi.FIELD_APP_VERSION_NAME),
                client.string(RuntimeApi.FIELD_APP_VERSION_CODE),
                client.string(RuntimeApi.FIELD_APP_PACKAGE_NAME));
    }
}
