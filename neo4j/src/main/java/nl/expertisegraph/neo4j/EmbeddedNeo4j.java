package nl.expertisegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j (community) in-process and serves Bolt on 127.0.0.1, for local development
 * without a separately installed Neo4j. Started and supervised by src/db/embedded.ts.
 *
 * <p>Options (argument {@code --name=value}, else system property {@code -Dneo4j.name=value}):
 * <ul>
 *   <li>{@code home} – Neo4j home; data and logs live below it (default {@code data/neo4j})</li>
 *   <li>{@code port} – Bolt port on 127.0.0.1 (default 7687)</li>
 *   <li>{@code pagecache} – page cache size, e.g. {@code 256m} (default 256m)</li>
 *   <li>{@code tx-total-max} – memory cap for all transactions together, e.g. {@code 300m} (Neo4j default: 70% of heap)</li>
 *   <li>{@code tx-max} – memory cap for a single transaction (Neo4j default: unlimited within the total cap)</li>
 *   <li>{@code watch-stdin} – {@code false} to keep running when stdin closes (default true)</li>
 * </ul>
 *
 * <p>Protocol with the parent process: exactly one line on stdout when ready,
 * {@code NEO4J_READY bolt://127.0.0.1:<port>}; on failure one line on stderr and a non-zero exit
 * (2 bad option, 3 port in use, 4 data directory in use, 1 anything else). SIGTERM/SIGINT or EOF on
 * stdin shut the database down cleanly.
 */
public final class EmbeddedNeo4j {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_OPTION = 2;
    static final int EXIT_PORT_IN_USE = 3;
    static final int EXIT_HOME_IN_USE = 4;

    private static final String LOOPBACK = "127.0.0.1";

    // Guards dbms so a SIGTERM during startup waits for build() and then shuts down cleanly,
    // instead of killing the store half-way through opening it.
    private static final Object lock = new Object();
    private static DatabaseManagementService dbms;
    private static boolean stopping;

    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        // Keep our stdout for the READY line only: anything a library prints goes to stderr instead.
        PrintStream stdout = System.out;
        System.setOut(System.err);

        Map<String, String> options = parseArgs(args);
        Path home = Path.of(option(options, "home", "data/neo4j")).toAbsolutePath().normalize();
        int port = parsePort(option(options, "port", "7687"));
        long pageCache = parseBytes("pagecache", option(options, "pagecache", "256m"));
        String txTotalMax = option(options, "tx-total-max", null);
        String txMax = option(options, "tx-max", null);
        boolean watchStdin = !"false".equalsIgnoreCase(option(options, "watch-stdin", "true"));

        // Cheap early check for the common mistake; the bind inside Neo4j is still checked below.
        if (!portIsFree(port)) {
            portInUse(port);
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            fail(EXIT_FAILED, "Cannot create the Neo4j data directory " + home + ": " + e.getMessage()
                    + " (choose a writable directory)");
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                // Auth is off in embedded mode, so Bolt must never be reachable from other machines.
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, port))
                // Routing tables (neo4j:// URIs) hand out the advertised address, which defaults to
                // localhost:7687 whatever the listen port is. Current drivers get by because they send their own
                // address in the routing context, but dbms.routing.getRoutingTable and other clients would not.
                .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, port))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(LOOPBACK))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(LOOPBACK))
                // Only Bolt: no HTTP endpoints, no server-side routing listener (it would bind 7688).
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                // The machine may have no outgoing network; never phone home.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // Netty waits for a quiet period (default 5 s, twice) after the databases have already been
                // checkpointed and closed; with 0 a shutdown takes ~0.5 s instead of ~10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        // Any other Neo4j setting, in the usual file format, from neo4j.conf in the data directory when there is one.
        Path conf = home.resolve("neo4j.conf");
        if (Files.isRegularFile(conf)) {
            builder.loadPropertiesFromFile(conf);
        }
        if (txTotalMax != null) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                    parseBytes("tx-total-max", txTotalMax));
        }
        if (txMax != null) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, parseBytes("tx-max", txMax));
        }

        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4j::shutdown, "neo4j-shutdown"));
        if (watchStdin) {
            watchStdin(); // already during startup, so an abandoned start does not linger
        }

        Throwable failure = null;
        synchronized (lock) {
            if (stopping) {
                return;
            }
            try {
                dbms = builder.build();
                GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
                if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
                    throw new IllegalStateException("the database did not become available within 5 minutes");
                }
            } catch (Throwable t) {
                failure = t;
                closeQuietly();
            }
        }
        // Report outside the lock: System.exit runs the shutdown hook, which takes the lock too.
        if (failure != null) {
            startFailed(failure, port, home);
        }

        stdout.println("NEO4J_READY bolt://" + LOOPBACK + ":" + port);
        stdout.flush();
        // main returns; Neo4j's non-daemon threads keep the JVM alive until shutdown.
    }

    /** The parent keeps our stdin open; EOF means it has gone (even after kill -9), so stop too. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) != -1) {
                    // Input is ignored; we only care about EOF.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF.
            }
            System.exit(0); // runs the shutdown hook
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void shutdown() {
        synchronized (lock) {
            stopping = true;
            closeQuietly();
        }
    }

    private static void closeQuietly() {
        if (dbms != null) {
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("Embedded Neo4j did not shut down cleanly: " + rootMessage(t));
            }
            dbms = null;
        }
    }

    private static void startFailed(Throwable failure, int port, Path home) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                portInUse(port);
            }
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.equals("FileLockException") || message.contains("locked by another process")) {
                fail(EXIT_HOME_IN_USE, "Neo4j data directory " + home + " is in use by another Neo4j process:"
                        + " stop that process or use a different data directory");
            }
        }
        fail(EXIT_FAILED, "Embedded Neo4j failed to start: " + rootMessage(failure)
                + " (details in " + home.resolve("logs/debug.log") + ")");
    }

    private static void portInUse(int port) {
        fail(EXIT_PORT_IN_USE, "Bolt port " + port + " on " + LOOPBACK + " is in use: set NEO4J_BOLT_PORT"
                + " to a free port or leave it unset to pick one");
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Neo4j's own server socket does, so TIME_WAIT does not count as busy
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                fail(EXIT_BAD_OPTION, "Unknown argument '" + arg + "': use --name=value"
                        + " (home, port, pagecache, tx-total-max, tx-max, watch-stdin)");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        String value = options.get(name);
        return value != null ? value : System.getProperty("neo4j." + name, fallback);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        return fail(EXIT_BAD_OPTION, "Invalid Bolt port '" + value + "': use a number from 1 to 65535");
    }

    private static long parseBytes(String name, String value) {
        try {
            return SettingValueParsers.BYTES.parse(value.trim());
        } catch (RuntimeException e) {
            return fail(EXIT_BAD_OPTION, "Invalid " + name + " size '" + value + "': use e.g. 256m or 1g");
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** One line on stderr, no stack trace, then exit. Declared to return so callers can use it as an expression. */
    private static <T> T fail(int exitCode, String message) {
        System.err.println(message);
        System.err.flush();
        System.exit(exitCode);
        throw new IllegalStateException("unreachable");
    }
}
