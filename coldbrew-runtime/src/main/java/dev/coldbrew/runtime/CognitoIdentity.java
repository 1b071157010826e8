package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonFields;

/** The Amazon Cognito identity of a mobile-SDK caller, from the {@code Lambda-Runtime-Cognito-Identity} header. */
public record CognitoIdentity(String identityId, String identityPoolId) {

    /**
     * Parses the header's JSON ({@code {"cognitoIdentityId": …, "cognitoIdentityPoolId": …}}).
     *
     * @return null when {@code json} is null or empty
     * @throws dev.coldbrew.runtime.api.json.JsonException naming the problem when the JSON is malformed
     */
    public static CognitoIdentity parse(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        JsonFields fields = JsonFields.parse(json, RuntimeApi.HEADER_COGNITO_IDENTITY);
        return new CognitoIdentity(
                fields.string(RuntimeApi.FIELD_COGNITO_IDENTITY_ID),
                fields.string(RuntimeApi.FIELD_COGNITO_IDENTITY_POOL_ID));
    }
}
