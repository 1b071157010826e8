package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An empty cgroup v1 freezer group kept {@code FROZEN} from the first freeze of an environment until the local
 * Lambda closes, so that freezing and thawing an environment stays cheap.
 *
 * <p>Why: the kernel's v1 freezer ({@code kernel/cgroup/legacy_freezer.c}) counts the freezing cgroups in a static
 * key, {@code freezer_active}. A write of {@code FROZEN} that takes the count from 0 to 1, and a write of
 * {@code THAWED} that takes it back to 0, switch that key, and switching a static key rewrites kernel code on every
 * CPU (text patching, with inter-processor interrupts and waits for every CPU). Any other change of the count is one
 * atomic add. With one environment frozen after every invoke and thawed before the next, each invoke paid two such
 * switches: measured on a 2-core VM at load 10–12, {@code FROZEN} and {@code THAWED} writes took a median 6.2 and
 * 7.9 ms with no other frozen cgroup, and 29 and 24 µs with one empty cgroup kept frozen beside them. An empty
 * frozen group holds no task and so costs nothing but the key itself, which is on anyway while any environment
 * is frozen. Its name starts with the local Lambda's pid, so the sweep of a killed local Lambda's cgroups removes
 * it too.
 */
final class FreezerPin {

    private static final System.Logger LOG = System.getLogger(FreezerPin.class.getName());

    private final Path dir;
    private boolean pinned;

    /** A pin at {@code dir} (a child of the coldbrew freezer parent), created by the first {@link #hold()}. */
    FreezerPin(Path dir) {
        this.dir = dir;
    }

    /** Creates and freezes the pin group once; a failure only costs speed, so it is logged and not retried. */
    synchronized void hold() {
        if (pinned) {
            return;
        }
        pinned = true;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("freezer.state"), "FROZEN");
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "freezer pin " + dir + " could not be frozen (freezes stay slow): " + e);
        }
    }

    /** Thaws and removes the pin group, if {@link #hold()} made one. */
    synchronized void release() {
        if (!pinned || !Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.writeString(dir.resolve("freezer.state"), "THAWED");
            Files.delete(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "freezer pin " + dir + " could not be removed: " + e);
        }
    }
}
