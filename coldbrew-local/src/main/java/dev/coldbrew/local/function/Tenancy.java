package dev.coldbrew.local.function;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lambda's tenant isolation rules for one invoke: the tenant id's form ({@code TenantId} in the Lambda service model:
 * 1 to 256 characters out of letters, digits, space and {@code . _ : / = + - @}), and whether a function takes one
 * (a {@code PER_TENANT} function needs it, any other refuses it; Lambda answers both with
 * {@code InvalidParameterValueException}, HTTP 400).
 */
public final class Tenancy {
    private Tenancy() {}

    /** The Invoke API header that carries the tenant id. */
    public static final String HEADER_TENANT_ID = "X-Amz-Tenant-Id";

    /** The only tenant isolation mode Lambda has ({@code TenancyConfig.TenantIsolationMode}). */
    public static final String PER_TENANT = "PER_TENANT";

    public static final int MAX_TENANT_ID_LENGTH = 256;

    private static final Pattern TENANT_ID = Pattern.compile("[a-zA-Z0-9._:/=+\\-@ ]{1,256}");

    /** Null when {@code tenantId} has Lambda's form, else why not (naming the value). */
    public static String invalidTenantId(String tenantId) {
        if (tenantId == null || TENANT_ID.matcher(tenantId).matches()) {
            return null;
        }
        return "invalid " + HEADER_TENANT_ID + " '" + tenantId + "': use 1 to " + MAX_TENANT_ID_LENGTH
                + " letters, digits, spaces or . _ : / = + - @";
    }

    /**
     * Why {@code function} cannot be invoked with {@code tenantId} (null: no tenant), or empty when it can: a
     * {@code PER_TENANT} function needs a tenant id, a function without tenant isolation takes none.
     */
    public static Optional<String> refusal(FunctionConfig function, String tenantId) {
        if (function.perTenant() && tenantId == null) {
            return Optional.of("function " + function.name() + " uses tenant isolation mode " + PER_TENANT
                    + ": the invoke needs a tenant id (" + HEADER_TENANT_ID + ")");
        }
        if (!function.perTenant() && tenantId != null) {
            return Optional.of("function " + function.name() + " does not use tenant isolation: the invoke must not"
                    + " carry a tenant id (" + HEADER_TENANT_ID + " '" + tenantId + "')");
        }
        return Optional.empty();
    }
}
