package io.ecsl.lsp;

import io.ecsl.lsp.features.Features;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The protocol's text document requests, each answered from a check of the text the editor holds. */
final class DocumentService implements TextDocumentService {
  private final Workspace workspace;
  private final Features features;
  private final Executor requests;

  DocumentService(Workspace workspace, Features features, Executor requests) {
    this.workspace = workspace;
    this.features = features;
    this.requests = requests;
  }

  // ------------------------------------------------------------------------------- synchronization

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    workspace.open(new Document(uri, Workspace.path(uri), params.getTextDocument().getVersion(),
        params.getTextDocument().getText()));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Document before = workspace.document(uri);
    if (before == null) {
      return; // a change to a file that was never opened: nothing to apply it to
    }
    workspace.change(before.apply(params.getTextDocument().getVersion(), params.getContentChanges()));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    workspace.close(Workspace.path(params.getTextDocument().getUri()));
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // Open files are checked from their buffers already; other projects may import this file.
    workspace.filesChanged(List.of(Workspace.path(params.getTextDocument().getUri())));
  }

  // ------------------------------------------------------------------------------- requests

  /** Runs a request against a snapshot of the document's current text, off the protocol's thread. */
  private <T> CompletableFuture<T> withSnapshot(String uri, T none, Function<Features.Request, T> answer) {
    Document d = workspace.document(uri);
    Path path = Workspace.path(uri);
    return workspace.snapshot(path).thenApplyAsync(s -> {
      try {
        return answer.apply(new Features.Request(d, path, s));
      } catch (org.eclipse.lsp4j.jsonrpc.ResponseErrorException e) {
        throw e; // a refusal the client shows ("cannot rename a built-in")
      } catch (RuntimeException e) {
        workspace.log("ecsl: a request failed: " + e);
        return none;
      }
    }, requests);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    // Completion answers from the text as it is now (possibly not parseable); the newest check,
    // even a slightly older one, supplies the names. It never waits for a check.
    String uri = params.getTextDocument().getUri();
    return CompletableFuture.supplyAsync(() -> Either.forRight(
        features.completion(workspace.document(uri), Workspace.path(uri), params.getPosition())), requests);
  }

  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    return CompletableFuture.supplyAsync(() -> features.resolveCompletion(item), requests);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return withSnapshot(params.getTextDocument().getUri(), null, r -> features.hover(r, params.getPosition()));
  }

  @Override
  public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
    String uri = params.getTextDocument().getUri();
    return CompletableFuture.supplyAsync(() -> features.signatureHelp(workspace.document(uri), Workspace.path(uri),
        params.getPosition()), requests);
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return withSnapshot(params.getTextDocument().getUri(), Either.forLeft(List.of()),
        r -> Either.forLeft(features.definition(r, params.getPosition())));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return withSnapshot(params.getTextDocument().getUri(), List.of(),
        r -> features.references(r, params.getPosition(), params.getContext().isIncludeDeclaration()));
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
    return withSnapshot(params.getTextDocument().getUri(), List.of(), r -> features.highlights(r, params.getPosition()));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return withSnapshot(params.getTextDocument().getUri(), List.of(),
        r -> features.documentSymbols(r).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
      PrepareRenameParams params) {
    return withSnapshot(params.getTextDocument().getUri(), null, r -> features.prepareRename(r, params.getPosition()));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return withSnapshot(params.getTextDocument().getUri(), null,
        r -> features.rename(r, params.getPosition(), params.getNewName()));
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    String uri = params.getTextDocument().getUri();
    return CompletableFuture.supplyAsync(() -> features.format(workspace.document(uri), Workspace.path(uri)), requests);
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return withSnapshot(params.getTextDocument().getUri(), List.of(),
        r -> features.codeActions(r, params.getRange(), params.getContext()).stream()
            .map(Either::<Command, CodeAction>forRight).toList());
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    return withSnapshot(params.getTextDocument().getUri(), new SemanticTokens(List.of()), features::semanticTokens);
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return withSnapshot(params.getTextDocument().getUri(), List.of(), r -> features.inlayHints(r, params.getRange()));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return withSnapshot(params.getTextDocument().getUri(), List.of(), features::foldingRanges);
  }
}
