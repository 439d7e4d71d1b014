package io.ecsl.runtime.store;

import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The control plane's transactional store: one SQLite file ({@value #FILE_NAME}) in the data
 * directory.
 *
 * <p>Resources are JSON documents keyed by kind and id; tags, secrets and metadata have their own
 * tables. The schema carries a version ({@link #SCHEMA_VERSION}, in {@code PRAGMA user_version}
 * and the {@code meta} table): an older file is migrated, a newer one is refused so an old ecsl
 * never corrupts a newer runtime's data. One connection serves all threads; every method is
 * synchronized and {@link #transaction} groups writes atomically, so a runtime killed mid-way
 * leaves either all or none of a step's writes.
 */
public final class Store implements AutoCloseable {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Store.class.getName());
  public static final String FILE_NAME = "state.db";
  /** 2: the {@code set_aside} table for documents that can no longer be read. */
  public static final int SCHEMA_VERSION = 2;

  private final Connection connection;
  private final Path file;
  private int transactionDepth;

  private Store(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating if needed) the store in {@code dataDir}. */
  public static Store open(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      PrivateFiles.directory(dataDir);
      // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database's mode.
      PrivateFiles.file(file);
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      Store store = new Store(connection, file);
      store.configure();
      store.migrate();
      return store;
    } catch (java.io.IOException | SQLException e) {
      throw new StoreException("cannot open the runtime store " + file + ": " + e.getMessage(), e);
    }
  }

  private void configure() throws SQLException {
    try (Statement st = connection.createStatement()) {
      // WAL: readers (the CLI's secret commands) never block the control loop; NORMAL sync keeps
      // every committed transaction across a process kill (only an OS crash may lose the last).
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=NORMAL");
      st.execute("PRAGMA busy_timeout=5000");
      st.execute("PRAGMA foreign_keys=ON");
    }
  }

  private void migrate() throws SQLException {
    int version;
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreException("the runtime store " + file + " has schema version " + version
          + " but this ecsl understands up to " + SCHEMA_VERSION
          + "; upgrade ecsl or remove the data directory (ecsl runtime stop --clean)", null);
    }
    if (version < 1) {
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        st.execute("CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, id TEXT NOT NULL,"
            + " body TEXT NOT NULL, PRIMARY KEY (kind, id))");
        st.execute("CREATE TABLE IF NOT EXISTS tags (resource_arn TEXT NOT NULL, position INTEGER"
            + " NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (resource_arn, key))");
        st.execute("CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL,"
            + " updated_at TEXT NOT NULL)");
      }
      if (meta("instance_id").isEmpty()) {
        setMeta("instance_id", UUID.randomUUID().toString().replace("-", "").substring(0, 12));
      }
    }
    if (version < 2) {
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS set_aside (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,"
            + " reason TEXT NOT NULL, set_aside_at TEXT NOT NULL)");
        st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      }
      setMeta("schema_version", Integer.toString(SCHEMA_VERSION));
    }
  }

  public Path file() {
    return file;
  }

  /**
   * The id that labels every Docker object this data directory's runtime creates, so two runtimes
   * (or a test and a developer's runtime) never adopt or clean up each other's containers.
   */
  public synchronized String instanceId() {
    return meta("instance_id").orElseThrow();
  }

  /** Runs {@code work} in one transaction (nested calls join the outer one). */
  public synchronized void transaction(Runnable work) {
    boolean outer = transactionDepth == 0;
    try {
      if (outer) {
        connection.setAutoCommit(false);
      }
      transactionDepth++;
      try {
        work.run();
      } finally {
        transactionDepth--;
      }
      if (outer) {
        connection.commit();
      }
    } catch (SQLException e) {
      rollbackQuietly();
      throw new StoreException("runtime store write failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (outer) {
        rollbackQuietly();
      }
      throw e;
    } finally {
      if (outer) {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException ignored) {
          // the connection is unusable anyway; the next call reports it
        }
      }
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one worth reporting
    }
  }

  // ---- documents ------------------------------------------------------------------------------

  public synchronized void put(String kind, String id, Object document) {
    update("INSERT INTO documents (kind, id, body) VALUES (?, ?, ?)"
        + " ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body", kind, id, Json.write(document));
  }

  public synchronized void delete(String kind, String id) {
    update("DELETE FROM documents WHERE kind = ? AND id = ?", kind, id);
  }

  /** How many documents of {@code kind} the store holds. */
  public synchronized int count(String kind) {
    try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM documents WHERE kind = ?")) {
      ps.setString(1, kind);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("runtime store read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Every document of {@code kind}, in insertion order, keyed by id. A document that cannot be read
   * (not JSON, or not the shape of {@code type}) is moved to the {@code set_aside} table and logged,
   * and the rest load: one damaged row must not keep the runtime from starting.
   */
  public synchronized <T> Map<String, T> loadAll(String kind, Class<T> type) {
    Map<String, T> out = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id, body FROM documents WHERE kind = ? ORDER BY rowid")) {
      ps.setString(1, kind);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          String body = rs.getString(2);
          try {
            out.put(id, Json.read(body, type));
          } catch (RuntimeException e) {
            unreadable.put(id, e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage() : String.valueOf(e.getMessage()));
            bodies.put(id, body == null ? "" : body);
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("runtime store read failed: " + e.getMessage(), e);
    }
    unreadable.forEach((id, reason) -> setAside(kind, id, bodies.get(id), reason));
    return out;
  }

  private void setAside(String kind, String id, String body, String reason) {
    transaction(() -> {
      update("INSERT INTO set_aside (kind, id, body, reason, set_aside_at) VALUES (?, ?, ?, ?, ?)", kind, id, body,
          reason, Instant.now().toString());
      update("DELETE FROM documents WHERE kind = ? AND id = ?", kind, id);
    });
    LOG.warning("the stored " + kind + " " + id + " cannot be read (" + reason + "); it was set aside in the"
        + " set_aside table of " + file + " and the rest of the state loaded. Resources it described are gone from"
        + " the runtime; re-apply your project to recreate them");
  }

  /** A document set aside because it could not be read. */
  public record SetAside(String kind, String id, String reason, String at) {}

  /** The documents set aside so far, oldest first. */
  public synchronized List<SetAside> setAside() {
    List<SetAside> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT kind, id, reason, set_aside_at FROM set_aside ORDER BY rowid");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new SetAside(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("runtime store read failed: " + e.getMessage(), e);
    }
  }

  // ---- tags -----------------------------------------------------------------------------------

  /** A resource's tags in the order they were first set. */
  public synchronized List<Tag> tags(String resourceArn) {
    List<Tag> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT key, value FROM tags WHERE resource_arn = ? ORDER BY position, key")) {
      ps.setString(1, resourceArn);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Tag(rs.getString(1), rs.getString(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("runtime store read failed: " + e.getMessage(), e);
    }
  }

  /** Adds or overwrites tags; existing keys keep their position. */
  public synchronized void putTags(String resourceArn, List<Tag> tags) {
    transaction(() -> {
      int position = tags(resourceArn).size();
      for (Tag tag : tags) {
        update("INSERT INTO tags (resource_arn, position, key, value) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
            resourceArn, position++, tag.key(), tag.value());
      }
    });
  }

  public synchronized void removeTags(String resourceArn, List<String> keys) {
    transaction(() -> keys.forEach(key ->
        update("DELETE FROM tags WHERE resource_arn = ? AND key = ?", resourceArn, key)));
  }

  public synchronized void deleteTags(String resourceArn) {
    update("DELETE FROM tags WHERE resource_arn = ?", resourceArn);
  }

  // ---- secrets --------------------------------------------------------------------------------

  public synchronized Optional<String> secret(String name) {
    return queryOne("SELECT value FROM secrets WHERE name = ?", name);
  }

  public synchronized void putSecret(String name, String value) {
    update("INSERT INTO secrets (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name)"
        + " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        name, value, Instant.now().toString());
  }

  public synchronized boolean deleteSecret(String name) {
    return update("DELETE FROM secrets WHERE name = ?", name) > 0;
  }

  public synchronized List<String> secretNames() {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM secrets ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("runtime store read failed: " + e.getMessage(), e);
    }
  }

  // ---- metadata -------------------------------------------------------------------------------

  public synchronized Optional<String> meta(String key) {
    return queryOne("SELECT value FROM meta WHERE key = ?", key);
  }

  public synchronized void setMeta(String key, String value) {
    update("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value ="
        + " excluded.value", key, value);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing on shutdown; nothing useful to do
    }
  }

  private Optional<String> queryOne(String sql, String arg) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("runtime store read failed: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("runtime store write failed: " + e.getMessage(), e);
    }
  }
}
