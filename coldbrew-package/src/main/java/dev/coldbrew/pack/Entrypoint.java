package dev.coldbrew.pack;

/**
 * How the package starts the function.
 *
 * @param mainClass the class the JVM runs: the function's own {@code main} (which registers its handler with
 *     {@code LambdaRuntime.run}), or {@link #COLDBREW_MAIN}, which resolves {@code _HANDLER}; empty when
 *     Lambda's managed runtime runs {@link #handler} through AWS's own runtime client
 * @param handler the {@code Handler} of the function configuration ({@code _HANDLER} at run time)
 */
public record Entrypoint(String mainClass, String handler) {
    /** coldbrew's generic main: runs the handler named by {@code _HANDLER}. */
    public static final String COLDBREW_MAIN = "dev.coldbrew.runtime.Main";

    /** True when coldbrew's runtime runs the function (always on {@code provided.al2023}). */
    public boolean coldbrewRuntime() {
        return !mainClass.isEmpty();
    }

    /**
     * Chooses the entry point: {@code --main-class} if given; else {@code --handler} run by coldbrew's generic
     * main when the jars hold it (on managed Java targets, by AWS's runtime client when they do not); else the
     * jars' {@code Main-Class}.
     *
     * @throws PackageException when no entry point is given or a named class is not in the jars
     */
    public static Entrypoint resolve(String mainClass, String handler, Target target, FunctionJars jars)
            throws PackageException {
        if (!mainClass.isEmpty()) {
            requireClass(jars, mainClass, "main class");
            return new Entrypoint(mainClass, handler.isEmpty() ? mainClass : handler);
        }
        if (!handler.isEmpty()) {
            requireClass(jars, handlerClass(handler), "handler class");
            if (jars.containsClass(COLDBREW_MAIN)) {
                return new Entrypoint(COLDBREW_MAIN, handler);
            }
            if (target.isManagedJava()) {
                return new Entrypoint("", handler);
            }
            throw new PackageException("handler " + handler + " needs coldbrew's runtime, but " + COLDBREW_MAIN
                    + " is not in the function jars " + jars.jars() + ": add the coldbrew-runtime jar, or give"
                    + " --main-class with a main that registers the handler");
        }
        String manifestMain = jars.manifestMainClass().orElse("");
        if (!manifestMain.isEmpty()) {
            requireClass(jars, manifestMain, "Main-Class of the jar manifest");
            return new Entrypoint(manifestMain, manifestMain);
        }
        throw new PackageException("no handler: give --handler package.Class[::method] (run by " + COLDBREW_MAIN
                + ") or --main-class package.Main (a main that calls LambdaRuntime.run); no jar manifest names a"
                + " Main-Class either");
    }

    /** {@code pkg.Class::method} → {@code pkg.Class}. */
    static String handlerClass(String handler) {
        int sep = handler.lastIndexOf("::");
        return sep < 0 ? handler : handler.substring(0, sep);
    }

    private static void requireClass(FunctionJars jars, String className, String what) throws PackageException {
        if (!jars.containsClass(className)) {
            throw new PackageException(what + " " + className + " is not in the function jars " + jars.jars());
        }
    }
}
