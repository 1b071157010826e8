package dev.coldbrew.local.config;

import dev.coldbrew.local.function.FunctionNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values {@code Ref} resolves to in a SAM template run locally: the template's {@code Parameters} (an override
 * given on the command line, else the parameter's {@code Default}) and the pseudo parameters, which take the local
 * Lambda's values ({@code AWS::Region} is its region, {@code AWS::AccountId} its account, the stack is
 * {@value #STACK_NAME}). Resolves {@code !Ref} / {@code Ref:} and {@code !Sub} / {@code Fn::Sub} of a plain string;
 * every other intrinsic function is left as it is, for the caller to report.
 */
final class TemplateParameters {
    /** The stack name of a template run locally ({@code AWS::StackName}). */
    static final String STACK_NAME = "local";

    private static final String NO_VALUE = "AWS::NoValue";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, String> values;
    private final Set<String> undefaulted;
    private final Set<String> resources;

    private TemplateParameters(Map<String, String> values, Set<String> undefaulted, Set<String> resources) {
        this.values = values;
        this.undefaulted = undefaulted;
        this.resources = resources;
    }

    /**
     * The parameters {@code declared} in a template, with {@code overrides} applied.
     *
     * @throws IllegalArgumentException naming an override the template does not declare, or a value outside a
     *     parameter's {@code AllowedValues}
     */
    static TemplateParameters of(
            Map<String, Object> declared, Map<String, String> overrides, String region, Set<String> resources) {
        for (String name : overrides.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("parameter override " + name + ": the template declares no such"
                        + " parameter" + (declared.isEmpty() ? "" : " (it declares " + declared.keySet() + ")"));
            }
        }
        Map<String, String> values = new LinkedHashMap<>(pseudo(region));
        Set<String> undefaulted = new java.util.TreeSet<>();
        for (Map.Entry<String, Object> p : declared.entrySet()) {
            Map<?, ?> spec = p.getValue() instanceof Map<?, ?> m ? m : Map.of();
            String value = overrides.containsKey(p.getKey())
                    ? overrides.get(p.getKey())
                    : spec.get("Default") == null ? null : String.valueOf(spec.get("Default"));
            if (value == null) {
                undefaulted.add(p.getKey());
                continue;
            }
            requireAllowed(p.getKey(), value, spec.get("AllowedValues"));
            values.put(p.getKey(), value);
        }
        return new TemplateParameters(values, undefaulted, resources);
    }

    private static Map<String, String> pseudo(String region) {
        String account = FunctionNames.ACCOUNT_ID;
        return Map.of(
                "AWS::Region",
                region,
                "AWS::AccountId",
                account,
                "AWS::Partition",
                "aws",
                "AWS::URLSuffix",
                "amazonaws.com",
                "AWS::StackName",
                STACK_NAME,
                "AWS::StackId",
                "arn:aws:cloudformation:" + region + ":" + account + ":stack/" + STACK_NAME
                        + "/00000000-0000-0000-0000-000000000000");
    }

    private static void requireAllowed(String name, String value, Object allowed) {
        if (allowed instanceof List<?> list
                && list.stream().map(String::valueOf).noneMatch(value::equals)) {
            throw new IllegalArgumentException(
                    "parameter " + name + " '" + value + "' is not one of its AllowedValues " + list);
        }
    }

    /** True if {@code value} is {@code !Ref AWS::NoValue}: the property is to be left out. */
    static boolean isNoValue(Object value) {
        return NO_VALUE.equals(refName(value));
    }

    /**
     * {@code value} with a {@code Ref} or a {@code Sub} of parameters replaced by its text; any other value as it
     * is.
     *
     * @throws IllegalArgumentException naming the parameter that has no value, or the resource referred to
     */
    Object resolve(Object value) {
        String ref = refName(value);
        if (ref != null) {
            return lookup(ref);
        }
        Object sub = intrinsicArgument(value, "!Sub", "Fn::Sub");
        if (sub instanceof String text) {
            return substitute(text);
        }
        return value;
    }

    private String substitute(String text) {
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String replacement = name.startsWith("!") ? "${" + name.substring(1) + "}" : lookup(name);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookup(String name) {
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        if (undefaulted.contains(name)) {
            throw new IllegalArgumentException("parameter " + name + " has no Default; give it one or pass"
                    + " --parameter-overrides " + name + "=VALUE");
        }
        if (resources.contains(name) || name.contains(".")) {
            throw new IllegalArgumentException(
                    "refers to resource " + name + ", which coldbrew local does not create; write the value");
        }
        throw new IllegalArgumentException(
                "refers to " + name + ", which is neither a parameter of the template nor a pseudo parameter");
    }

    private static String refName(Object value) {
        return intrinsicArgument(value, "!Ref", "Ref") instanceof String name ? name.trim() : null;
    }

    /** The argument of an intrinsic written short ({@code !Ref X}) or long ({@code Ref: X}), else null. */
    private static Object intrinsicArgument(Object value, String shortTag, String longKey) {
        if (value instanceof CfnConstructor.Intrinsic intrinsic
                && intrinsic.tag().equals(shortTag)) {
            return intrinsic.argument();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(longKey)) {
            return map.get(longKey);
        }
        return null;
    }
}
