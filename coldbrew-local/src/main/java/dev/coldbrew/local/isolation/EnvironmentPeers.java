package dev.coldbrew.local.isolation;

import dev.coldbrew.gorpc.rpc.ConnectCheck;
import dev.coldbrew.gorpc.rpc.RefusedConnectionException;
import dev.coldbrew.runtime.api.server.ConnectionCheck;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Guarantee A of the local Lambda: only an environment's own processes talk to its Runtime API, and its go1.x
 * connection reaches its own function. The other end of a loopback connection is a socket in the kernel's table
 * ({@link SocketTable}: asked through netlink, {@link NetlinkSockets}, or read from {@code /proc/net},
 * {@link LoopbackSockets}), and the socket is held by processes ({@link SocketHolders}); a connection is the
 * environment's when one of the environment's processes (its cgroup's, or the runtime and its descendants) holds it.
 * This holds for any user, root or not, since it relies only on what {@code /proc} shows of the processes a user may
 * start.
 *
 * <p><b>Cost.</b> The tables cost milliseconds to read, so the Runtime API checks a connection once: it remembers
 * which process and descriptor held it, and a later request on it costs one link read ({@code
 * /proc/<pid>/fd/<n>}) that proves the same socket is still held, so a new connection that reuses a closed one's port
 * is checked again.
 */
public final class EnvironmentPeers implements ConnectionCheck, ConnectCheck {
    private static final System.Logger LOG = System.getLogger(EnvironmentPeers.class.getName());

    /** How long a request that arrives before the environment's process is known waits for it. */
    static final Duration BIND_WAIT = Duration.ofSeconds(5);

    private final String environmentId;
    private final SocketTable sockets;
    private final SocketHolders holders;
    private final CountDownLatch bound = new CountDownLatch(1);
    private final Map<InetSocketAddress, Checked> checked = new ConcurrentHashMap<>();
    private volatile Supplier<List<Long>> pids;

    /** A connection found held by the environment's process {@code holder} as socket {@code inode}. */
    private record Checked(SocketHolders.Holder holder, long inode) {}

    public EnvironmentPeers(String environmentId, SocketTable sockets, SocketHolders holders) {
        this.environmentId = environmentId;
        this.sockets = sockets;
        this.holders = holders;
    }

    /** Peers of environment {@code environmentId} as this machine's {@code /proc} shows them. */
    public static EnvironmentPeers ofThisMachine(String environmentId) {
        return new EnvironmentPeers(
                environmentId, SocketTable.ofThisMachine(), new SocketHolders(java.nio.file.Path.of("/proc")));
    }

    /** Names the environment's processes, once its runtime process has started. */
    public void bind(Supplier<List<Long>> environmentPids) {
        this.pids = environmentPids;
        bound.countDown();
    }

    /** The Runtime API's check: the process at {@code remote} must be one of the environment's. */
    @Override
    public String refusal(InetSocketAddress remote, InetSocketAddress local) {
        Checked known = checked.get(remote);
        if (known != null && holders.stillHolds(known.holder(), known.inode())) {
            return null;
        }
        checked.values().removeIf(c -> !holders.stillHolds(c.holder(), c.inode()));
        try {
            OptionalLong inode = sockets.inodeOf(remote, local);
            if (inode.isEmpty()) {
                return refused("Runtime API connection from " + remote + ": no process of this machine holds it");
            }
            Optional<SocketHolders.Holder> own = holders.among(inode.getAsLong(), environmentPids());
            if (own.isPresent()) {
                checked.put(remote, new Checked(own.get(), inode.getAsLong()));
                return null;
            }
            return refused("Runtime API connection from " + remote + " " + stranger(inode.getAsLong()));
        } catch (IOException e) {
            return refused("Runtime API connection from " + remote + " could not be traced: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused("Runtime API connection from " + remote + ": interrupted while tracing it");
        }
    }

    /**
     * The go1.x check, right after the local Lambda connected to the function's port and before anything is sent:
     * every socket listening where the connection went must be held by the environment's processes.
     */
    @Override
    public void check(InetSocketAddress local, InetSocketAddress remote) throws RefusedConnectionException {
        try {
            List<Long> listeners = sockets.listenersFor(remote);
            if (listeners.isEmpty()) {
                throw new RefusedConnectionException(refused("go1.x port " + remote.getPort() + " has no listener"));
            }
            List<Long> own = environmentPids();
            for (long inode : listeners) {
                if (holders.among(inode, own).isEmpty()) {
                    throw new RefusedConnectionException(
                            refused("go1.x port " + remote.getPort() + " " + stranger(inode)));
                }
            }
        } catch (RefusedConnectionException e) {
            throw e;
        } catch (IOException e) {
            throw new RefusedConnectionException(
                    refused("go1.x port " + remote.getPort() + " could not be traced: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedConnectionException(refused("go1.x port " + remote.getPort() + ": interrupted"));
        }
    }

    private List<Long> environmentPids() throws InterruptedException {
        if (!bound.await(BIND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return List.of();
        }
        return pids.get();
    }

    private String stranger(long inode) {
        return holders.anywhere(inode)
                .map(h -> "is held by pid " + h.pid() + " (" + holders.command(h.pid()) + "), not a process of "
                        + "environment " + environmentId)
                .orElse("is held by no process of environment " + environmentId);
    }

    private String refused(String why) {
        LOG.log(Level.WARNING, () -> "environment " + environmentId + ": refused: " + why);
        return why;
    }
}
