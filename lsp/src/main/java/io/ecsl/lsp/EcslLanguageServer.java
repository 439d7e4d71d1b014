package io.ecsl.lsp;

import io.ecsl.lsp.features.Features;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The ecsl language server: {@code ecsl lsp} speaks the Language Server Protocol on stdin and
 * stdout. It keeps one warm compiler per project of the workspace and checks again on every
 * change, so an editor shows what {@code ecsl check} would, as the person types; completion,
 * hover, navigation, rename, formatting, quick fixes and the rest read the same analysis.
 */
public final class EcslLanguageServer implements LanguageServer, LanguageClientAware {
  private final Workspace workspace;
  private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ecsl-request");
    t.setDaemon(true);
    return t;
  });
  private final Features features;
  private final DocumentService documents;
  private final WorkspaceServiceImpl workspaceService;
  private int exitCode = 1;

  public EcslLanguageServer() {
    this(StdlibFiles.inTempDir());
  }

  EcslLanguageServer(StdlibFiles stdlibFiles) {
    this.workspace = new Workspace(stdlibFiles);
    this.features = new Features(workspace);
    this.documents = new DocumentService(workspace, features, requests);
    this.workspaceService = new WorkspaceServiceImpl(workspace, features, requests);
  }

  /**
   * Serves one client on these streams until it exits; returns the process exit status the
   * protocol asks for (0 after {@code shutdown}, 1 when the client exits without it or the
   * connection closes).
   */
  public static int serve(InputStream in, OutputStream out) {
    EcslLanguageServer server = new EcslLanguageServer();
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    try {
      listening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the connection closed: the client went away
    }
    server.workspace.shutdown();
    return server.exitCode;
  }

  @Override
  public void connect(LanguageClient client) {
    workspace.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        workspace.addRoot(Workspace.path(f.getUri()));
      }
    } else if (params.getRootUri() != null) {
      workspace.addRoot(Workspace.path(params.getRootUri()));
    }
    workspace.configure(Settings.from(params.getInitializationOptions()));
    features.snippets(snippetSupport(params));
    return CompletableFuture.completedFuture(new InitializeResult(capabilities(),
        new ServerInfo("ecsl", version())));
  }

  private static boolean snippetSupport(InitializeParams params) {
    var caps = params.getCapabilities();
    var text = caps == null ? null : caps.getTextDocument();
    var completion = text == null ? null : text.getCompletion();
    var item = completion == null ? null : completion.getCompletionItem();
    return item != null && Boolean.TRUE.equals(item.getSnippetSupport());
  }

  private static String version() {
    String v = EcslLanguageServer.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  static ServerCapabilities capabilities() {
    ServerCapabilities c = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    c.setTextDocumentSync(sync);
    c.setCompletionProvider(new CompletionOptions(true, List.of(".", "\"", "/", "=", "{")));
    c.setHoverProvider(true);
    c.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of(",")));
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setDocumentHighlightProvider(true);
    c.setDocumentSymbolProvider(true);
    c.setWorkspaceSymbolProvider(true);
    c.setRenameProvider(new RenameOptions(true));
    c.setDocumentFormattingProvider(true);
    c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    c.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(
        io.ecsl.lsp.features.SemanticTokensProvider.LEGEND, true, false));
    c.setInlayHintProvider(true);
    c.setFoldingRangeProvider(true);
    return c;
  }

  @Override
  public void initialized(InitializedParams params) {}

  @Override
  public CompletableFuture<Object> shutdown() {
    exitCode = 0;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    workspace.shutdown();
    requests.shutdownNow();
    // The launcher's listening future ends when the client closes the stream after `exit`.
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }

  /** For tests and benchmarks that drive the server in-process. */
  public Workspace workspace() {
    return workspace;
  }
}
