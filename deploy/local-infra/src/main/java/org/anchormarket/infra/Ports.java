package org.anchormarket.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: find a free one, or refuse to start on one that is taken, saying whose it was meant to be. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * Ports handed out are taken from below Linux's ephemeral range (32768-60999 by default), where the kernel picks
     * the local ports of outgoing connections: a port from that range could be taken by any client socket (a Kafka
     * client, Maven) in the seconds before the server we chose it for binds it (Keycloak once failed so in CI).
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A port nobody listens on right now, outside the ephemeral range, never the same twice in this JVM. */
    public static int free() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            } catch (IOException taken) {
                continue;
            }
            if (GIVEN.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + LOWEST + " and " + HIGHEST));
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
                return false;
            } catch (IOException bindFailed) {
                return true;
            }
        }
    }

    /** Fails with the port's name and number when something already holds it. */
    public static void requireFree(String name, int port) {
        if (inUse(port)) {
            throw new PortInUseException(name, port);
        }
    }

    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(String name, int port) {
            super("Port " + port + " (" + name + ") on " + LOOPBACK + " is already in use: stop what holds it "
                    + "(e.g. `ss -ltnp 'sport = :" + port + "'`) or choose another port.");
        }
    }
}
