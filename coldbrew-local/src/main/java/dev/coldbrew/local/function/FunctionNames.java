package dev.coldbrew.local.function;

/**
 * Function names as the Invoke API accepts them: {@code name}, {@code name:qualifier},
 * {@code 123456789012:function:name[:qualifier]} or {@code arn:aws:lambda:region:account:function:name[:q]}.
 */
public final class FunctionNames {
    private FunctionNames() {}

    /** The account id in local ARNs. */
    public static final String ACCOUNT_ID = "000000000000";

    /** The plain function name inside any accepted form. */
    public static String baseName(String nameOrArn) {
        if (nameOrArn == null) {
            return "";
        }
        String[] parts = nameOrArn.split(":");
        int function = indexOf(parts, "function");
        if (function >= 0 && function + 1 < parts.length) {
            return parts[function + 1];
        }
        return parts.length == 0 ? "" : parts[0];
    }

    /** The qualifier ({@code $LATEST}, a version or an alias) inside the name, or {@code null}. */
    public static String qualifier(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        int function = indexOf(parts, "function");
        int at = function >= 0 ? function + 2 : 1;
        return at < parts.length ? parts[at] : null;
    }

    public static String arn(String region, String nameOrArn) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + baseName(nameOrArn);
    }

    private static int indexOf(String[] parts, String wanted) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
