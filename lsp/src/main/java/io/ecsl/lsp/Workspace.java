package io.ecsl.lsp;

import io.ecsl.lsp.features.DiagnosticsConverter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor's workspace: its folders, the files it has open, and one {@link Project} (with its
 * warm compiler) per project directory in use. Checks run on one thread, the checker, so that a
 * check never competes with another for the machine's cores.
 */
public final class Workspace {
  private final List<Path> roots = new ArrayList<>();
  private final Map<Path, Document> documents = new ConcurrentHashMap<>();
  private final Map<Path, Project> projects = new ConcurrentHashMap<>();
  private final Map<Path, Project> projectOfFile = new ConcurrentHashMap<>();
  private final Map<Project, Set<Path>> published = new ConcurrentHashMap<>();
  private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ecsl-checker");
    t.setDaemon(true);
    return t;
  });
  private final StdlibFiles stdlibFiles;
  private volatile Settings settings = Settings.NONE;
  private volatile LanguageClient client;

  public Workspace(StdlibFiles stdlibFiles) {
    this.stdlibFiles = stdlibFiles;
  }

  void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  synchronized void addRoot(Path root) {
    roots.add(root.toAbsolutePath().normalize());
  }

  synchronized void removeRoot(Path root) {
    roots.remove(root.toAbsolutePath().normalize());
  }

  public StdlibFiles stdlibFiles() {
    return stdlibFiles;
  }

  void configure(Settings newSettings) {
    settings = newSettings;
    for (Project p : projects.values()) {
      p.configure(newSettings);
      p.requestCheck();
    }
  }

  // ------------------------------------------------------------------------------- documents

  public static Path path(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize();
  }

  public static String uri(Path path) {
    return path.toAbsolutePath().normalize().toUri().toString();
  }

  public Document document(String uri) {
    return documents.get(path(uri));
  }

  void open(Document d) {
    documents.put(d.path(), d);
    projectFor(d.path()).requestCheck();
  }

  void change(Document d) {
    documents.put(d.path(), d);
    projectFor(d.path()).requestCheck();
  }

  void close(Path file) {
    documents.remove(file);
    Project p = projectOfFile.get(file);
    if (p != null) {
      p.requestCheck(); // the file's text on disk may differ from the buffer just dropped
    }
  }

  /** Files changed on disk (saved elsewhere, created, deleted): every project that may use them checks again. */
  void filesChanged(List<Path> files) {
    Set<Project> affected = new HashSet<>();
    for (Path f : files) {
      Project p = projectOfFile.get(f);
      if (p != null) {
        affected.add(p);
      } else {
        for (Project q : projects.values()) {
          if (f.startsWith(q.dir())) {
            affected.add(q);
          }
        }
      }
    }
    affected.forEach(Project::requestCheck);
  }

  /** The text of every open file, for a check. */
  Map<Path, String> buffers() {
    Map<Path, String> out = new HashMap<>();
    documents.forEach((p, d) -> out.put(p, d.text()));
    return out;
  }

  // ------------------------------------------------------------------------------- projects

  /** The project a file belongs to (created, with its compiler, on first use). */
  public synchronized Project projectFor(Path file) {
    Project known = projectOfFile.get(file);
    if (known != null) {
      return known;
    }
    Path dir = stdlibFiles.contains(file) ? file.getParent() : ProjectLocator.projectOf(file, roots);
    Project p = projects.computeIfAbsent(dir, d -> new Project(d, this, checker, settings));
    projectOfFile.put(file, p);
    return p;
  }

  /** Every project in use. */
  public java.util.Collection<Project> projects() {
    return projects.values();
  }

  /** A check of the file's project that saw the text the editor holds now. */
  public CompletableFuture<Snapshot> snapshot(Path file) {
    Document d = documents.get(file);
    return projectFor(file).snapshotFor(file, d == null ? null : d.text());
  }

  /** Publishes a check's diagnostics, clearing those of files that no longer have any. */
  void published(Snapshot s) {
    LanguageClient c = client;
    Map<Path, List<Diagnostic>> byFile = DiagnosticsConverter.byFile(s, this);
    for (Path file : s.units().keySet()) {
      byFile.putIfAbsent(file, new ArrayList<>());
      projectOfFile.putIfAbsent(file, s.project());
    }
    Set<Path> before = published.getOrDefault(s.project(), Set.of());
    for (Path file : before) {
      byFile.putIfAbsent(file, new ArrayList<>());
    }
    published.put(s.project(), new HashSet<>(byFile.keySet()));
    if (c == null) {
      return;
    }
    byFile.forEach((file, list) -> {
      Document d = documents.get(file);
      if (d == null && list.isEmpty() && !before.contains(file)) {
        return; // nothing to show and nothing shown: a closed, clean file
      }
      PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri(file), list);
      String text = s.buffers().get(file);
      if (d != null && text != null && text.equals(d.text())) {
        params.setVersion(d.version());
      }
      c.publishDiagnostics(params);
    });
  }

  /** Open files of a project (where diagnostics without a place are shown). */
  public List<Path> openFiles(Project p) {
    List<Path> out = new ArrayList<>();
    for (Path f : documents.keySet()) {
      if (projectOfFile.get(f) == p) {
        out.add(f);
      }
    }
    return out;
  }

  void log(String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(MessageType.Warning, message));
    }
  }

  void shutdown() {
    checker.shutdownNow();
  }

  static boolean isEcs(Path p) {
    return p.getFileName() != null && p.getFileName().toString().endsWith(".ecs") && !Files.isDirectory(p);
  }
}
