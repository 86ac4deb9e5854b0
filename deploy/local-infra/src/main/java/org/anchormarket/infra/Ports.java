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

    /** A port nobody listens on right now, chosen by the kernel. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
