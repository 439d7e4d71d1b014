package io.ecsl.lsp.features;

import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.eval.Kind;
import io.ecsl.lsp.Locations;
import io.ecsl.lsp.Project;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.Workspace;
import io.ecsl.lsp.index.Ast;
import io.ecsl.lsp.index.Occurrence;
import io.ecsl.lsp.index.Symbol;
import io.ecsl.lsp.index.SymbolTable;
import io.ecsl.modules.LoadedModule;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Go to definition, find references, highlights, document and workspace symbols, rename. */
final class Navigation {
  private static final Pattern IDENT = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*");
  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("import", "as", "let", "var", "template",
      "for", "in", "if", "else", "true", "false", "null", "from", "and", "or", "not", "base", "weight");

  private final Workspace workspace;

  Navigation(Workspace workspace) {
    this.workspace = workspace;
  }

  /** The occurrence under the cursor in a request's file, or null. */
  static Occurrence occurrence(Features.Request r, Position p) {
    SourceUnit unit = r.unit();
    if (unit == null) {
      return null;
    }
    return r.snapshot().symbols().at(unit.file(), r.offset(p));
  }

  List<Location> definition(Features.Request r, Position p) {
    SourceUnit unit = r.unit();
    if (unit == null) {
      return List.of();
    }
    int offset = r.offset(p);
    Occurrence o = r.snapshot().symbols().at(unit.file(), offset);
    if (o != null && !(o.definition() && o.symbol().kind() == Symbol.SymbolKind.IMPORT)) {
      Location at = Locations.location(o.symbol().nameSpan(), workspace);
      return at == null ? List.of() : List.of(at);
    }
    // An import (its path or its alias): the module's files.
    Item.Import imp = Ast.innermost(Ast.path(unit.items(), offset), Item.Import.class);
    if (imp != null) {
      for (LoadedModule.Import i : moduleOf(r).imports()) {
        if (i.item() == imp) {
          List<Location> out = new ArrayList<>();
          for (SourceUnit u : i.module().units()) {
            Location at = Locations.location(new Span(u.file(), 0, 0), workspace);
            if (at != null) {
              out.add(at);
            }
          }
          return out;
        }
      }
    }
    return List.of();
  }

  private static LoadedModule moduleOf(Features.Request r) {
    LoadedModule m = r.snapshot().moduleOf(r.unit().file());
    return m != null ? m : r.snapshot().analysis().modules().get(r.snapshot().analysis().modules().size() - 1);
  }

  List<Location> references(Features.Request r, Position p, boolean includeDeclaration) {
    Occurrence o = occurrence(r, p);
    if (o == null) {
      return List.of();
    }
    List<Location> out = new ArrayList<>();
    for (Occurrence ref : r.snapshot().symbols().references(o.symbol())) {
      if (includeDeclaration || !ref.definition()) {
        Location at = Locations.location(ref.span(), workspace);
        if (at != null) {
          out.add(at);
        }
      }
    }
    return out;
  }

  List<DocumentHighlight> highlights(Features.Request r, Position p) {
    Occurrence o = occurrence(r, p);
    if (o == null) {
      return List.of();
    }
    List<DocumentHighlight> out = new ArrayList<>();
    for (Occurrence ref : r.snapshot().symbols().references(o.symbol())) {
      if (ref.span().file() == r.unit().file()) {
        out.add(new DocumentHighlight(Locations.range(ref.span()),
            ref.definition() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------- symbols

  List<DocumentSymbol> documentSymbols(Features.Request r) {
    SourceUnit unit = r.unit();
    if (unit == null) {
      return List.of();
    }
    return symbols(unit.items(), r.snapshot().symbols(), unit.file());
  }

  private List<DocumentSymbol> symbols(List<Item> items, SymbolTable table, SourceFile file) {
    List<DocumentSymbol> out = new ArrayList<>();
    for (Item item : items) {
      DocumentSymbol s = switch (item) {
        case Item.Let l -> symbol(l.name().name(), "let", SymbolKind.Constant, l.span(), l.name().span());
        case Item.Var v -> symbol(v.name().name(), "var" + (v.type() != null ? ": " + v.type() : ""), SymbolKind.Variable,
            v.span(), v.name().span());
        case Item.Import i -> symbol(i.alias() != null ? i.alias().name() : impliedAlias(i), "import " + i.path().span().text(),
            SymbolKind.Module, i.span(), i.alias() != null ? i.alias().span() : i.path().span());
        case Item.Template t -> {
          DocumentSymbol d = symbol(t.name().name(), "template", SymbolKind.Function, t.span(), t.name().span());
          if (t.body() != null) {
            d.setChildren(symbols(t.body(), table, file));
          }
          yield d;
        }
        case Item.Entry e -> entrySymbol(e, table, file);
        default -> null;
      };
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** {@code import "std/fargate"} is {@code fargate}, as the module loader names it. */
  private static String impliedAlias(Item.Import i) {
    String path = i.path().constant() == null ? i.path().span().text() : i.path().constant();
    String last = path.replaceAll("/+$", "");
    return last.substring(last.lastIndexOf('/') + 1).replaceAll("\\.ecs$", "");
  }

  private DocumentSymbol entrySymbol(Item.Entry e, SymbolTable table, SourceFile file) {
    String key = e.key().constant();
    Kind kind = key == null ? null : Kind.byKeyword(key);
    if (kind != null && e.isBlock()) {
      String name = e.labels().isEmpty() ? key : e.labels().get(0).span().text().replace("\"", "");
      String detail = kind.word() + (e.in() != null ? " in " + e.in().span().text() : "");
      Span selection = e.labels().isEmpty() ? e.key().span() : e.labels().get(0).span();
      DocumentSymbol d = symbol(name, detail, symbolKind(kind), e.span(), selection);
      List<DocumentSymbol> children = new ArrayList<>();
      for (Item inner : e.body()) {
        if (inner instanceof Item.Entry c && !c.labels().isEmpty()
            && ("container".equals(c.key().constant()) || "volume".equals(c.key().constant()))) {
          DocumentSymbol cs = symbol(c.labels().get(0).span().text().replace("\"", ""), c.key().constant(),
              "container".equals(c.key().constant()) ? SymbolKind.Object : SymbolKind.Field, c.span(), c.labels().get(0).span());
          List<DocumentSymbol> ports = new ArrayList<>();
          if (c.body() != null) {
            for (Item p : c.body()) {
              if (p instanceof Item.Entry port && "port".equals(port.key().constant()) && !port.labels().isEmpty()) {
                ports.add(symbol(port.labels().get(0).span().text(), "port", SymbolKind.Property, port.span(),
                    port.labels().get(0).span()));
              }
            }
          }
          if (!ports.isEmpty()) {
            cs.setChildren(ports);
          }
          children.add(cs);
        }
      }
      if (!children.isEmpty()) {
        d.setChildren(children);
      }
      return d;
    }
    return null;
  }

  static SymbolKind symbolKind(Kind kind) {
    return switch (kind) {
      case CLUSTER -> SymbolKind.Namespace;
      case TASK -> SymbolKind.Class;
      case SERVICE, EXPRESS_SERVICE, DAEMON -> SymbolKind.Interface;
      case CAPACITY_PROVIDER -> SymbolKind.Struct;
      case NAMESPACE -> SymbolKind.Package;
      case DISCOVERY_SERVICE -> SymbolKind.Field;
      case SCHEDULE -> SymbolKind.Event;
      case TARGET_GROUP -> SymbolKind.Array;
      case LOAD_BALANCER -> SymbolKind.Object;
      case LISTENER -> SymbolKind.Property;
      case ACCOUNT_SETTINGS, PROJECT -> SymbolKind.Module;
    };
  }

  private static DocumentSymbol symbol(String name, String detail, SymbolKind kind, Span whole, Span selection) {
    Range range = Locations.range(whole);
    Range sel = Locations.range(selection);
    return new DocumentSymbol(name.isEmpty() ? "?" : name, kind, range, sel, detail);
  }

  /** Declarations, templates, lets, vars and containers of every project whose name contains the query. */
  List<WorkspaceSymbol> workspaceSymbols(String query) {
    String q = query.toLowerCase(Locale.ROOT);
    List<WorkspaceSymbol> out = new ArrayList<>();
    for (Project project : workspace.projects()) {
      Snapshot s = project.latest();
      if (s == null) {
        continue;
      }
      for (Symbol sym : s.symbols().symbols()) {
        if (sym.nameSpan() == null || sym.nameSpan().file().path() == null
            || !sym.name().toLowerCase(Locale.ROOT).contains(q)) {
          continue;
        }
        SymbolKind kind = switch (sym.kind()) {
          case DECLARATION -> symbolKind(sym.declarationKind());
          case TEMPLATE -> SymbolKind.Function;
          case LET -> SymbolKind.Constant;
          case VAR -> SymbolKind.Variable;
          case CONTAINER -> SymbolKind.Object;
          default -> null;
        };
        Location at = kind == null ? null : Locations.location(sym.nameSpan(), workspace);
        if (at != null) {
          WorkspaceSymbol w = new WorkspaceSymbol(sym.name(), kind, Either.forLeft(at));
          w.setContainerName(sym.parent() != null ? sym.parent().name() : project.dir().getFileName().toString());
          out.add(w);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------- rename

  PrepareRenameResult prepareRename(Features.Request r, Position p) {
    Occurrence o = occurrence(r, p);
    if (o == null || !renamable(o.symbol())) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
          o == null ? "nothing to rename here" : "the " + o.symbol().kind().word() + " `" + o.symbol().name()
              + "` cannot be renamed here", null));
    }
    return new PrepareRenameResult(Locations.range(o.span()), o.symbol().name());
  }

  private static boolean renamable(Symbol s) {
    return s.renamable() && s.kind() != Symbol.SymbolKind.BUILTIN;
  }

  WorkspaceEdit rename(Features.Request r, Position p, String newName) {
    Occurrence o = occurrence(r, p);
    if (o == null || !renamable(o.symbol())) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "nothing to rename here", null));
    }
    if (!IDENT.matcher(newName).matches() || KEYWORDS.contains(newName)) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
          "`" + newName + "` is not a name: use letters, digits, `_` and inner `-`, starting with a letter", null));
    }
    Symbol symbol = o.symbol();
    Map<String, List<TextEdit>> changes = new HashMap<>();
    for (Occurrence ref : r.snapshot().symbols().references(symbol)) {
      Path file = ref.span().file().path();
      if (file == null) {
        continue;
      }
      String uri = Workspace.uri(file);
      if (ref.definition() && symbol.kind() == Symbol.SymbolKind.IMPORT && symbol.definition() instanceof Item.Import imp
          && imp.alias() == null) {
        // `import "std/fargate"` has no alias to rename: it gains one.
        Position end = Locations.position(ref.span().file(), imp.path().span().end());
        changes.computeIfAbsent(uri, k -> new ArrayList<>()).add(new TextEdit(new Range(end, end), " as " + newName));
        continue;
      }
      changes.computeIfAbsent(uri, k -> new ArrayList<>()).add(new TextEdit(Locations.range(ref.span()), newName));
    }
    return new WorkspaceEdit(changes);
  }
}
