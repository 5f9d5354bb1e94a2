// Embedded Neo4j community server for local use: Bolt on a loopback port, auth on, no file URLs.
package county;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Usage: java -cp "classes:lib/*[:plugins/*]" county.Launcher --home DIR --port 7687 [--pagecache 1g] [--plugins DIR] [--import ARGS]
 *   [--tx-memory 2g] [--tx-max 1g] [--tx-timeout 900]  (all transactions, one transaction, seconds)
 * With --plugins, the procedures of the jars in DIR (Graph Data Science) are loaded, and gds.* may
 * use Neo4j's internals (the jars must also be on the classpath, as a server's plugins are).
 * The password comes from the NEO4J_LAUNCH_PASSWORD environment variable (never argv, so
 * `ps` does not show it). Prints "NEO4J READY bolt://127.0.0.1:PORT" once Bolt accepts
 * connections and shuts down cleanly on SIGINT/SIGTERM.
 *
 * With --import, ARGS is a file of `neo4j-admin database import full` arguments, one per line:
 * the offline importer runs first, in this JVM and on this home, before any database is open (it
 * needs the store lock), printing "NEO4J IMPORT DONE <ms>"; then the server starts on the result.
 */
public final class Launcher {
  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable t) {
      // Neo4j's own threads would keep a failed JVM alive: report and exit so the caller sees it.
      t.printStackTrace();
      System.out.println("NEO4J FAILED " + t.getMessage());
      System.out.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Path home = null;
    int port = 7687;
    String pagecache = "1g";
    String txMemory = "4g";
    String txMax = "1g";
    long txTimeoutSeconds = 900;
    Path plugins = null;
    Path importArgs = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--pagecache" -> pagecache = args[++i];
        case "--tx-memory" -> txMemory = args[++i];
        case "--tx-max" -> txMax = args[++i];
        case "--tx-timeout" -> txTimeoutSeconds = Long.parseLong(args[++i]);
        case "--plugins" -> plugins = Path.of(args[++i]);
        case "--import" -> importArgs = Path.of(args[++i]);
        default -> fail("unknown argument " + args[i]);
      }
    }
    if (home == null) fail("--home is required");
    String password = System.getenv("NEO4J_LAUNCH_PASSWORD");
    if (password == null || password.length() < 8) fail("NEO4J_LAUNCH_PASSWORD must hold at least 8 characters");
    Files.createDirectories(home);
    if (importArgs != null) runImport(home, importArgs);

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    if (plugins != null) {
      builder.setConfig(GraphDatabaseSettings.plugin_dir, plugins).setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("gds.*"));
    }
    DatabaseManagementService dbms = builder
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // Saved queries must never read files or URLs.
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("no-import"))
        .setConfig(GraphDatabaseSettings.pagecache_memory, org.neo4j.io.ByteUnit.parse(pagecache))
        // All transactions together, and each one, stay well under the heap: a query that wants more
        // fails alone (MemoryLimitExceeded) instead of taking the server down with an out-of-memory.
        .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, org.neo4j.io.ByteUnit.parse(txMemory))
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, org.neo4j.io.ByteUnit.parse(txMax))
        // A backstop for every transaction; the API sets shorter ones on its own.
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
        // Nothing about the data or its use leaves the machine.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J STOPPED");
      stopped.countDown();
    }));

    setPassword(dbms, password);
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    // The project's own procedures (county.*), registered before Bolt is announced ready.
    GlobalProcedures procedures = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
    procedures.registerProcedure(CommunityTies.class);
    db.executeTransactionally("RETURN 1");
    System.out.println("NEO4J READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }

  /** Runs the offline importer on this home (no database may be open) and fails on a non-zero exit. */
  private static void runImport(Path home, Path argsFile) throws Exception {
    java.util.List<String> importArgs = new java.util.ArrayList<>(java.util.List.of("database", "import", "full"));
    importArgs.addAll(Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
    Path conf = home.resolve("conf");
    Files.createDirectories(conf);
    System.out.println("NEO4J IMPORT START");
    System.out.flush();
    long started = System.nanoTime();
    int code = AdminTool.execute(new ExecutionContext(home, conf), importArgs.toArray(String[]::new));
    System.out.flush();
    if (code != 0) throw new IllegalStateException("the offline importer exited with code " + code);
    System.out.println("NEO4J IMPORT DONE " + (System.nanoTime() - started) / 1_000_000);
    System.out.flush();
  }

  /** Sets the neo4j user's password, so the default neo4j/neo4j never works. */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
          java.util.Map.of("password", password));
    } catch (RuntimeException e) {
      // Restarting with the password already set is normal; anything else is a real failure.
      if (e.getMessage() == null || !e.getMessage().contains("cannot be the same")) throw e;
    }
  }

  private static void fail(String message) {
    System.err.println("NEO4J FAILED " + message);
    System.exit(2);
  }
}
