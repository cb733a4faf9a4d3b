package org.xuke.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fails fast, with a plain message, when a port the stack needs is taken. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int[] ports, String who) {
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Settings.LOOPBACK))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(port);
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException(who + " needs ports " + Arrays.toString(ports) + " on "
                    + Settings.LOOPBACK + " but " + busy + " are in use. Is the portal already running "
                    + "(./mvnw -Prun verify) or another application server? Stop it and try again.");
        }
    }
}
