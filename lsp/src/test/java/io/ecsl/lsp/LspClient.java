package io.ecsl.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language client for tests: it talks to the server over the protocol (JSON-RPC over piped
 * streams, in this process), as an editor would, and remembers what the server published.
 */
public final class LspClient implements LanguageClient, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, List<Diagnostic>> diagnostics = new HashMap<>();
  private final List<String> log = new ArrayList<>();
  private final LanguageServer server;
  private final Thread serverThread;
  private final PipedOutputStream toServer;
  private final Path root;
  private final Map<String, Integer> versions = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();

  /** Starts a server on a workspace folder and initializes it, as a client that takes snippets (VS Code). */
  public LspClient(Path root, Path stdlibDir) throws IOException {
    this(root, stdlibDir, true);
  }

  /** A client with or without snippet support in completion (Neovim's omnifunc has none). */
  public LspClient(Path root, Path stdlibDir, boolean snippets) throws IOException {
    this.root = root;
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    EcslLanguageServer impl = new EcslLanguageServer(new StdlibFiles(stdlibDir));
    Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(impl, serverIn, fromServer);
    impl.connect(serverLauncher.getRemoteProxy());
    serverThread = new Thread(() -> {
      try {
        serverLauncher.startListening().get();
      } catch (Exception e) {
        // closed
      }
    }, "test-lsp-server");
    serverThread.setDaemon(true);
    serverThread.start();
    Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(this, clientIn, toServer);
    clientLauncher.startListening();
    server = clientLauncher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(Workspace.uri(root), "test")));
    ClientCapabilities capabilities = new ClientCapabilities();
    if (snippets) {
      org.eclipse.lsp4j.TextDocumentClientCapabilities text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
      org.eclipse.lsp4j.CompletionCapabilities completion = new org.eclipse.lsp4j.CompletionCapabilities();
      completion.setCompletionItem(new org.eclipse.lsp4j.CompletionItemCapabilities(true));
      text.setCompletion(completion);
      capabilities.setTextDocument(text);
    }
    init.setCapabilities(capabilities);
    get(server.initialize(init));
    server.initialized(new InitializedParams());
  }

  public LanguageServer server() {
    return server;
  }

  public static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  // ------------------------------------------------------------------------------- documents

  public String uri(String relative) {
    return Workspace.uri(root.resolve(relative));
  }

  /** Writes a file to the workspace (not opened). */
  public Path write(String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Writes and opens a file. */
  public String open(String relative, String text) throws IOException {
    write(relative, text);
    String uri = uri(relative);
    versions.put(uri, 1);
    texts.put(uri, text);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "ecsl", 1, text)));
    return uri;
  }

  /** Replaces an open document's whole text (unsaved). */
  public void change(String uri, String text) {
    int v = versions.merge(uri, 1, Integer::sum);
    texts.put(uri, text);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
        List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** Inserts text at a position of an open document, as editors send typing. */
  public void insert(String uri, Position at, String text) {
    int v = versions.merge(uri, 1, Integer::sum);
    String before = texts.get(uri);
    Document d = new Document(uri, Workspace.path(uri), v, before);
    int offset = d.offset(at);
    texts.put(uri, before.substring(0, offset) + text + before.substring(offset));
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
        List.of(new TextDocumentContentChangeEvent(new Range(at, at), text))));
  }

  public String text(String uri) {
    return texts.get(uri);
  }

  public TextDocumentIdentifier id(String uri) {
    return new TextDocumentIdentifier(uri);
  }

  /** The position of the first occurrence of {@code marker} in an open document, plus {@code shift} characters. */
  public Position find(String uri, String marker, int shift) {
    String text = texts.get(uri);
    int i = text.indexOf(marker);
    if (i < 0) {
      throw new AssertionError("`" + marker + "` not in " + uri);
    }
    Document d = new Document(uri, Workspace.path(uri), 0, text);
    return d.position(i + shift);
  }

  // ------------------------------------------------------------------------------- diagnostics

  /** Waits until the diagnostics published for a document satisfy a condition; returns them. */
  public List<Diagnostic> diagnostics(String uri, Predicate<List<Diagnostic>> until) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (diagnostics) {
      while (true) {
        List<Diagnostic> current = diagnostics.get(uri);
        if (current != null && until.test(current)) {
          return current;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("diagnostics of " + uri + " never matched; last: " + current + "; log: " + log);
        }
        try {
          diagnostics.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Whether any diagnostics were published for a document yet. */
  public boolean published(String uri) {
    synchronized (diagnostics) {
      return diagnostics.containsKey(uri);
    }
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    synchronized (diagnostics) {
      diagnostics.put(params.getUri(), params.getDiagnostics());
      diagnostics.notifyAll();
    }
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams params) {
    log.add(params.getMessage());
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams params) {
    synchronized (log) {
      log.add(params.getMessage());
    }
  }

  /** What the server logged (failed requests say so here). */
  public List<String> log() {
    synchronized (log) {
      return new ArrayList<>(log);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      get(server.shutdown());
      server.exit();
    } finally {
      toServer.close();
    }
  }
}
