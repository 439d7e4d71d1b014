package io.ecsl.lsp;

import io.ecsl.lsp.features.Features;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The protocol's workspace notifications and the workspace symbol search. */
final class WorkspaceServiceImpl implements WorkspaceService {
  private final Workspace workspace;
  private final Features features;
  private final Executor requests;

  WorkspaceServiceImpl(Workspace workspace, Features features, Executor requests) {
    this.workspace = workspace;
    this.features = features;
    this.requests = requests;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    workspace.configure(Settings.from(params.getSettings()));
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    List<Path> files = new ArrayList<>();
    for (FileEvent e : params.getChanges()) {
      files.add(Workspace.path(e.getUri()));
    }
    workspace.filesChanged(files);
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    for (WorkspaceFolder f : params.getEvent().getAdded()) {
      workspace.addRoot(Workspace.path(f.getUri()));
    }
    for (WorkspaceFolder f : params.getEvent().getRemoved()) {
      workspace.removeRoot(Workspace.path(f.getUri()));
    }
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    return CompletableFuture.supplyAsync(() -> Either.forRight(features.workspaceSymbols(params.getQuery())), requests);
  }
}
