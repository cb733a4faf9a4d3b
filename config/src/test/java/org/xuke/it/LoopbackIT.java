package org.xuke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the Payara JVM and lists every TCP socket that process listens on (Linux /proc),
 * after the JMS broker has been started by a real message: none may be bound beyond loopback.
 * The embedded PostgreSQL's port is checked the same way.
 */
@ExtendWith(ArquillianExtension.class)
class LoopbackIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(LoopbackIT.class);
    }

    @Resource(lookup = "jms/xuke/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/xuke/customs/Usage")
    Queue usage;

    @Test
    void everyListeningSocketOfPayaraAndPostgresqlIsOnLoopback() throws IOException {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(usage, "wake the broker");
            context.createConsumer(usage).receiveBody(String.class, 5_000);
        }
        Set<String> ownInodes = socketInodes(Path.of("/proc/self/fd"));
        List<Listener> listeners = listeners();
        List<Listener> payara = listeners.stream().filter(l -> ownInodes.contains(l.inode())).toList();

        assertTrue(payara.stream().anyMatch(l -> l.port() == 8080), "found Payara's own listeners: " + payara);
        assertTrue(payara.stream().anyMatch(l -> l.port() == 7676), "broker listener present: " + payara);
        List<Listener> exposed = payara.stream().filter(l -> !l.loopback()).toList();
        assertEquals(List.of(), exposed, "Payara sockets beyond loopback");

        List<Listener> postgres = listeners.stream().filter(l -> l.port() == 15433).toList();
        assertFalse(postgres.isEmpty(), "PostgreSQL listener on 15433");
        assertTrue(postgres.stream().allMatch(Listener::loopback), "PostgreSQL beyond loopback: " + postgres);
    }

    record Listener(String address, int port, String inode) {
        boolean loopback() {
            // IPv4 127.x as little-endian hex, IPv6 ::1, and IPv4-mapped ::ffff:127.x
            return address.endsWith("7F") && address.length() == 8
                    || address.equals("00000000000000000000000001000000")
                    || address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F");
        }
    }

    private static List<Listener> listeners() throws IOException {
        List<Listener> result = new ArrayList<>();
        for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(file)).subList(1, Files.readAllLines(Path.of(file)).size())) {
                String[] f = line.trim().split("\\s+");
                if (!"0A".equals(f[3])) {
                    continue; // not LISTEN
                }
                String[] local = f[1].split(":");
                result.add(new Listener(local[0], Integer.parseInt(local[1], 16), f[9]));
            }
        }
        return result;
    }

    private static Set<String> socketInodes(Path fdDir) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(fdDir)) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // descriptor closed while listing
                }
            }
        }
        return inodes;
    }
}
