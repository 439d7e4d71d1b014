package io.ecsl.lsp.features;

import io.ecsl.ast.SourceUnit;
import io.ecsl.lsp.Document;
import io.ecsl.lsp.Project;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;

/** Every feature of the server, one method per request; each reads one {@link Snapshot}. */
public final class Features {
  private final Workspace workspace;
  private final Navigation navigation;
  private volatile boolean snippets;

  public Features(Workspace workspace) {
    this.workspace = workspace;
    this.navigation = new Navigation(workspace);
  }

  /**
   * A request about a file: its document (null when the editor has not opened it) and a check
   * of the text the editor holds.
   */
  public record Request(Document document, Path path, Snapshot snapshot) {
    /** The file as this check parsed it, or null when it did not parse. */
    public SourceUnit unit() {
      return snapshot.unit(path);
    }

    /** The offset of a position in the checked text. */
    public int offset(Position p) {
      SourceUnit unit = unit();
      if (document != null && (unit == null || document.text().equals(unit.file().text()))) {
        return document.offset(p);
      }
      return unit == null ? 0 : unit.file().offsetOf(p.getLine() + 1, p.getCharacter() + 1);
    }
  }

  /** Whether the client takes snippets in completion items (its capabilities say so). */
  public void snippets(boolean supported) {
    this.snippets = supported;
  }

  public CompletionList completion(Document document, Path path, Position position) {
    Project project = workspace.projectFor(path);
    return Completions.at(document, path, project.latestParsing(path), position, snippets);
  }

  public CompletionItem resolveCompletion(CompletionItem item) {
    return Completions.resolve(item);
  }

  public Hover hover(Request r, Position p) {
    return Hovers.at(r, p);
  }

  public SignatureHelp signatureHelp(Document document, Path path, Position position) {
    return Signatures.at(document, path, workspace.projectFor(path).latestParsing(path), position);
  }

  public List<Location> definition(Request r, Position p) {
    return navigation.definition(r, p);
  }

  public List<Location> references(Request r, Position p, boolean includeDeclaration) {
    return navigation.references(r, p, includeDeclaration);
  }

  public List<DocumentHighlight> highlights(Request r, Position p) {
    return navigation.highlights(r, p);
  }

  public List<DocumentSymbol> documentSymbols(Request r) {
    return navigation.documentSymbols(r);
  }

  public List<WorkspaceSymbol> workspaceSymbols(String query) {
    return navigation.workspaceSymbols(query);
  }

  public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(Request r, Position p) {
    return Either3.forSecond(navigation.prepareRename(r, p));
  }

  public WorkspaceEdit rename(Request r, Position p, String newName) {
    return navigation.rename(r, p, newName);
  }

  public List<TextEdit> format(Document d, Path path) {
    return Formatting.of(d);
  }

  public List<CodeAction> codeActions(Request r, Range range, CodeActionContext context) {
    SourceUnit unit = r.unit();
    return unit == null ? List.of() : CodeActions.of(r.snapshot(), unit, r.path(), range);
  }

  public SemanticTokens semanticTokens(Request r) {
    return SemanticTokensProvider.of(r.unit(), r.snapshot().symbols());
  }

  public List<InlayHint> inlayHints(Request r, Range range) {
    return InlayHints.of(r.unit(), range, r);
  }

  public List<FoldingRange> foldingRanges(Request r) {
    return Folding.of(r.unit());
  }
}
