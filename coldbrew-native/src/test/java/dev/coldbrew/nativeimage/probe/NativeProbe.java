package dev.coldbrew.nativeimage.probe;

import java.net.NetworkInterface;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The main of the test image that holds several functions: without arguments it is coldbrew's generic main
 * ({@code _HANDLER} picks the function, {@code _LAMBDA_SERVER_PORT} the go1.x transport); with a command it reports
 * what the tests compare with the JVM: {@code exit N}, {@code props}, {@code wait} (until SIGTERM), {@code natives};
 * {@code echo} registers the echo function explicitly (for go1.x, where {@code _HANDLER} names the executable).
 */
public final class NativeProbe {
    private NativeProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            dev.coldbrew.runtime.Main.main(args);
            return;
        }
        switch (args[0]) {
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "props" -> props();
            case "wait" -> waitForSignal();
            case "natives" -> natives();
            case "echo" -> dev.coldbrew.runtime.LambdaRuntime.run(new dev.coldbrew.examples.echo.EchoFunction());
            default -> {
                System.err.println("NativeProbe: unknown command " + args[0]);
                System.exit(64);
            }
        }
    }

    private static void props() {
        Locale locale = Locale.getDefault();
        System.out.println("language=" + locale.getLanguage());
        System.out.println("country=" + locale.getCountry());
        System.out.println("script=" + locale.getScript());
        System.out.println("variant=" + locale.getVariant());
        System.out.println("timezone=" + TimeZone.getDefault().getID());
        System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
        System.out.println("processors=" + Runtime.getRuntime().availableProcessors());
    }

    private static void waitForSignal() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        System.out.println("waiting");
        System.out.flush();
        Thread.sleep(60_000);
        System.out.println("not signalled");
    }

    /** Java code whose JDK natives reach JVM_* functions: NetworkInterface (jio_snprintf), clocks, exit. */
    private static void natives() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByName("lo");
        System.out.println("lo=" + (loopback != null ? loopback.getName() : "none"));
        System.out.println("nanoTime=" + (System.nanoTime() > 0 || System.nanoTime() <= 0));
        System.out.println("instant=" + java.time.Instant.now().getEpochSecond());
        System.out.println("tmpdir=" + System.getProperty("java.io.tmpdir"));
        System.out.flush();
        Runtime.getRuntime().halt(7);
    }
}
