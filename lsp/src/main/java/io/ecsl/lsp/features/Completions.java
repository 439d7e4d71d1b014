package io.ecsl.lsp.features;

import com.google.gson.JsonObject;
import io.ecsl.ast.Item;
import io.ecsl.ast.Param;
import io.ecsl.ast.SourceUnit;
import io.ecsl.eval.Builtins;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Unit;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.lower.Vocabulary;
import io.ecsl.lsp.ApiDocs;
import io.ecsl.lsp.Document;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.index.CursorContext;
import io.ecsl.lsp.index.CursorContext.Where;
import io.ecsl.lsp.index.Symbol;
import io.ecsl.lsp.index.Symbol.SymbolKind;
import io.ecsl.lsp.index.SymbolTable;
import io.ecsl.modules.LoadedModule;
import io.ecsl.modules.Sources;
import io.ecsl.modules.Stdlib;
import io.ecsl.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion: declaration kinds and keywords at the top level; in a block, every attribute valid
 * there (from {@link Vocabulary}: the API models and ecsl's own syntax, with type and unit); in a
 * value, the attribute's enum values and the declared names of the kind it refers to, then every
 * name in scope; after a dot, a module's names, a task's containers, a container's ports; units
 * after a number; module paths in an import.
 */
final class Completions {
  private static final Vocabulary VOCABULARY = Vocabulary.get();

  /** Declarations as snippets: what each kind needs to compile. */
  private static final Map<String, String> DECLARATIONS = new LinkedHashMap<>();

  static {
    DECLARATIONS.put("task", "task ${1:name} {\n\tcontainer ${2:app} {\n\t\timage = \"$3\"\n\t\tmemory = ${4:512 MiB}\n\t}\n}");
    DECLARATIONS.put("service", "service ${1:name} in ${2:cluster} {\n\ttask = ${3:task}\n\tdesired = ${4:1}\n\t$0\n}");
    DECLARATIONS.put("cluster", "cluster ${1:name} {\n\t$0\n}");
    DECLARATIONS.put("capacity_provider", "capacity_provider ${1:name} {\n\tauto_scaling_group = \"$2\"\n\t$0\n}");
    DECLARATIONS.put("namespace", "namespace ${1:name} {\n\t$0\n}");
    DECLARATIONS.put("schedule", "schedule ${1:name} {\n\tcluster = ${2:cluster}\n\ttask = ${3:task}\n\texpression = ${4:rate(1h)}\n\t$0\n}");
    DECLARATIONS.put("account_settings", "account_settings {\n\t$0\n}");
    DECLARATIONS.put("project", "project {\n\tname = \"$1\"\n\t$0\n}");
  }

  private static final Map<String, String> KEYWORDS = new LinkedHashMap<>();

  static {
    KEYWORDS.put("let", "let ${1:name} = $0");
    KEYWORDS.put("var", "var ${1:name}: ${2:string} = $0");
    KEYWORDS.put("template", "template ${1:name}($2) {\n\t$0\n}");
    KEYWORDS.put("import", "import \"$0\"");
    KEYWORDS.put("for", "for ${1:item} in ${2:list} {\n\t$0\n}");
    KEYWORDS.put("if", "if ${1:condition} {\n\t$0\n}");
  }

  private final Document document;
  private final Path path;
  private final Snapshot snapshot;
  private final boolean snippets;
  private final CursorContext context;
  private final int offset;
  private final Range replace;
  private final Map<String, CompletionItem> items = new LinkedHashMap<>();
  private int rank;

  private Completions(Document document, Path path, Snapshot snapshot, int offset, boolean snippets) {
    this.document = document;
    this.path = path;
    this.snapshot = snapshot;
    this.snippets = snippets;
    this.offset = offset;
    this.context = CursorContext.at(document.text(), offset);
    this.replace = document.range(offset - context.prefix().length(), offset);
  }

  /**
   * The completions at a position; {@code snapshot} supplies names and may be older than the text.
   * Without {@code snippets} (a client that cannot take them) items insert plain text on one line.
   */
  static CompletionList at(Document document, Path path, Snapshot snapshot, Position position, boolean snippets) {
    if (document == null) {
      return new CompletionList(false, List.of());
    }
    Completions c = new Completions(document, path, snapshot, document.offset(position), snippets);
    c.collect();
    return new CompletionList(false, new ArrayList<>(c.items.values()));
  }

  private void collect() {
    switch (context.where()) {
      case KEY -> keys();
      case VALUE -> values();
      case IN -> declarations(Kind.CLUSTER);
      case LABEL -> labels();
      case MEMBER -> members();
      case UNIT -> units();
      case STRING -> importPaths();
    }
  }

  // ------------------------------------------------------------------------------- keys

  private void keys() {
    Vocabulary.Block block = block();
    if (context.blocks().isEmpty() || block == null && topLevelLike()) {
      DECLARATIONS.forEach((k, snippet) -> add(k, CompletionItemKind.Keyword, Kind.byKeyword(k).word(), snippet, null));
      KEYWORDS.forEach((k, snippet) -> add(k, CompletionItemKind.Keyword, "keyword", snippet, null));
      names(true);
      return;
    }
    if (block instanceof Vocabulary.Pairs pairs) {
      if ("container".equals(pairs.keys())) {
        for (Symbol c : visibleOfKind(SymbolKind.CONTAINER)) {
          add(c.name(), CompletionItemKind.Field, "container", c.name() + " = $0", null);
        }
      }
      return;
    }
    if (block != null) {
      for (Vocabulary.Attribute a : VOCABULARY.attributes(block)) {
        boolean repeatable = a.labelled() || a.shape() != null && a.shape().isList() && a.shape().element().isStructure()
            && a.shape().element().keyValueMembers() == null;
        if (context.keysInBlock().contains(a.name()) && !repeatable) {
          continue;
        }
        CompletionItem item = add(a.name(), kindOf(a, block), a.summary(), snippet(a, block), a.docKey());
        if (item != null && !a.shorthand()) {
          item.setSortText(String.format("1%04d", rank)); // first-class syntax first, then the API's own names
        }
      }
    }
    add("let", CompletionItemKind.Keyword, "keyword", KEYWORDS.get("let"), null);
    add("for", CompletionItemKind.Keyword, "keyword", KEYWORDS.get("for"), null);
    add("if", CompletionItemKind.Keyword, "keyword", KEYWORDS.get("if"), null);
    names(true);
  }

  /** Inside a template body, or a block nothing describes: declarations may be written there. */
  private boolean topLevelLike() {
    return context.blocks().isEmpty();
  }

  private static CompletionItemKind kindOf(Vocabulary.Attribute a, Vocabulary.Block parent) {
    if (a.labelled()) {
      return CompletionItemKind.Struct;
    }
    return VOCABULARY.child(parent, a.name()) != null ? CompletionItemKind.Module : CompletionItemKind.Property;
  }

  private static String snippet(Vocabulary.Attribute a, Vocabulary.Block parent) {
    boolean block = VOCABULARY.child(parent, a.name()) != null;
    boolean scalarToo = a.shape() != null && !a.shape().isStructure() && !a.shape().isMap()
        && !(a.shape().isList() && a.shape().element().isStructure()) || !a.values().isEmpty() || a.reference() != null;
    if (a.labelled()) {
      if (a.name().equals("secret") || a.name().equals("secret_option")) {
        return a.name() + " ${1:NAME} from \"$0\"";
      }
      return block && !scalarToo ? a.name() + " ${1:name} {\n\t$0\n}" : a.name() + " ${1:name} = $0";
    }
    if (block && !scalarToo) {
      return a.name() + " {\n\t$0\n}";
    }
    return a.name() + " = $0";
  }

  // ------------------------------------------------------------------------------- values

  private void values() {
    Vocabulary.Block block = block();
    Vocabulary.Attribute a = null;
    if (block instanceof Vocabulary.Pairs pairs) {
      a = pairs.value();
    } else if (block != null && context.key() != null && context.callee().isEmpty()) {
      a = VOCABULARY.attribute(block, context.key());
    }
    if (!context.callee().isEmpty()) {
      parameters();
    }
    if (a != null) {
      if ("container".equals(a.reference())) {
        for (Symbol c : visibleOfKind(SymbolKind.CONTAINER)) {
          for (Symbol port : table() == null ? List.<Symbol>of() : table().children(c)) {
            add(c.name() + "." + port.name(), CompletionItemKind.Reference, "container port", null, null);
          }
          add(c.name(), CompletionItemKind.Reference, "container", null, null);
        }
      } else if (a.reference() != null) {
        declarations(Kind.byKeyword(a.reference()));
      }
      for (String v : a.values()) {
        add(v, CompletionItemKind.EnumMember, a.name() + " value", null, null);
      }
    }
    names(false);
    add("true", CompletionItemKind.Keyword, "bool", null, null);
    add("false", CompletionItemKind.Keyword, "bool", null, null);
    add("null", CompletionItemKind.Keyword, "not set", null, null);
  }

  /** The template or function a call around the offset names, if it resolves. */
  static Symbol calleeIn(Document document, Path path, Snapshot snapshot, int offset) {
    return new Completions(document, path, snapshot, offset, false).callee();
  }

  /** Named arguments of the template being called, when no argument name is written yet. */
  private void parameters() {
    if (context.argumentName() != null) {
      return;
    }
    Symbol callee = callee();
    if (callee != null && callee.definition() instanceof Item.Template t) {
      for (Param p : t.params()) {
        add(p.name().name(), CompletionItemKind.Variable, "parameter" + (p.type() != null ? ": " + p.type() : ""),
            p.name().name() + " = $0", null);
      }
    }
  }

  /** The template a call names (`size` or `fargate.size`), if the names resolve. */
  Symbol callee() {
    List<String> chain = context.callee();
    if (chain.isEmpty()) {
      return null;
    }
    Symbol s = first(visible().get(chain.get(0)));
    for (int i = 1; i < chain.size() && s != null; i++) {
      s = member(s, chain.get(i));
    }
    return s;
  }

  private void labels() {
    String key = context.key();
    if ("mount".equals(key)) {
      for (Symbol v : visibleOfKind(SymbolKind.VOLUME)) {
        add(v.name(), CompletionItemKind.Reference, "volume", null, null);
      }
    } else if ("volumes_from".equals(key)) {
      for (Symbol c : visibleOfKind(SymbolKind.CONTAINER)) {
        add(c.name(), CompletionItemKind.Reference, "container", null, null);
      }
    }
  }

  private void members() {
    List<String> chain = context.chain();
    if (chain.isEmpty()) {
      return;
    }
    Symbol s = first(visible().get(chain.get(0)));
    for (int i = 1; i < chain.size() && s != null; i++) {
      s = member(s, chain.get(i));
    }
    if (s == null || table() == null) {
      return;
    }
    switch (s.kind()) {
      case IMPORT -> table().moduleNames(s.module()).forEach((name, symbols) -> addSymbol(first(symbols)));
      case DECLARATION -> {
        for (Symbol c : table().children(s)) {
          if (c.kind() == SymbolKind.CONTAINER || c.kind() == SymbolKind.LISTENER_RULE) {
            addSymbol(c);
          }
        }
        add("name", CompletionItemKind.Property, "its AWS name", null, null);
      }
      case CONTAINER -> {
        table().children(s).forEach(this::addSymbol);
        add("name", CompletionItemKind.Property, "the container's name", null, null);
      }
      case PORT -> {
        add("port", CompletionItemKind.Property, "the container port number", null, null);
        add("name", CompletionItemKind.Property, "the port's name", null, null);
      }
      default -> {}
    }
  }

  private Symbol member(Symbol s, String name) {
    if (table() == null) {
      return null;
    }
    return switch (s.kind()) {
      case IMPORT -> first(table().moduleNames(s.module()).get(name));
      case DECLARATION, CONTAINER -> table().children(s).stream().filter(c -> c.name().equals(name)
          && c.kind() != SymbolKind.VOLUME).findFirst().orElse(null);
      default -> null;
    };
  }

  private void units() {
    Vocabulary.Block block = block();
    Vocabulary.Attribute a = block == null || context.key() == null ? null : VOCABULARY.attribute(block, context.key());
    Unit.Dimension dimension = a != null && a.unit() != null ? a.unit().dimension() : null;
    for (String u : List.of("MiB", "GiB", "vcpu", "s", "m", "h", "ms", "d", "%", "KiB", "TiB")) {
      Unit unit = Unit.parse(u);
      if (dimension == null || unit.dimension() == dimension) {
        add(u, CompletionItemKind.Unit, unit.dimension().word(), null, null);
      }
    }
  }

  private void importPaths() {
    String typed = context.importPath();
    if (typed == null) {
      return;
    }
    for (String m : Stdlib.modules()) {
      add("std/" + m, CompletionItemKind.Module, "standard library", null, "std/" + m);
    }
    Path dir = path.getParent();
    String sub = typed.contains("/") ? typed.substring(0, typed.lastIndexOf('/') + 1) : "./";
    Path base = dir.resolve(sub).normalize();
    if (Files.isDirectory(base)) {
      try (Stream<Path> s = Files.list(base)) {
        s.sorted().forEach(p -> {
          String name = p.getFileName().toString();
          if (Files.isDirectory(p) && !Sources.DISK.ecsFiles(p).isEmpty()) {
            add(sub + name, CompletionItemKind.Folder, "module (directory)", null, null);
          } else if (name.endsWith(".ecs") && !p.equals(path) && !p.getParent().equals(dir)) {
            add(sub + name, CompletionItemKind.File, "module", null, null);
          }
        });
      } catch (java.io.IOException e) {
        // nothing to offer
      }
    }
    // the whole typed path is replaced: it may contain `/` and `.`
    Range whole = document.range(offset - typed.length(), offset);
    for (CompletionItem item : items.values()) {
      item.setTextEdit(Either.forLeft(new TextEdit(whole, item.getLabel())));
    }
  }

  // ------------------------------------------------------------------------------- names

  private SymbolTable table() {
    return snapshot == null ? null : snapshot.symbols();
  }

  /** The names visible at the cursor (from the newest check in which this file parsed). */
  private Map<String, List<Symbol>> visible() {
    SymbolTable table = table();
    if (table == null) {
      return Map.of();
    }
    SourceUnit unit = snapshot.unit(path);
    if (unit != null) {
      return table.visible(unit.file(), Math.min(offset, unit.file().text().length()));
    }
    // the file never parsed: the names its module's other files define
    List<LoadedModule> modules = snapshot.analysis().modules();
    return modules.isEmpty() ? Map.of() : table.moduleNames(modules.get(modules.size() - 1));
  }

  private List<Symbol> visibleOfKind(SymbolKind kind) {
    List<Symbol> out = new ArrayList<>();
    for (List<Symbol> symbols : visible().values()) {
      for (Symbol s : symbols) {
        if (s.kind() == kind) {
          out.add(s);
        }
      }
    }
    if (out.isEmpty() && (kind == SymbolKind.CONTAINER || kind == SymbolKind.VOLUME) && table() != null) {
      // in a task or service body the parts are not names in scope: take those of the task around the cursor
      Symbol task = enclosingTask();
      if (task != null) {
        table().children(task).stream().filter(s -> s.kind() == kind).forEach(out::add);
      }
    }
    return out;
  }

  /** The task definition whose body (or whose service's body) the cursor is in. */
  private Symbol enclosingTask() {
    SourceUnit unit = snapshot.unit(path);
    if (unit == null) {
      return null;
    }
    Symbol found = null;
    for (Symbol s : table().symbols()) {
      if (s.kind() == SymbolKind.DECLARATION && s.declarationKind() == Kind.TASK && s.definition() != null
          && s.nameSpan() != null && s.nameSpan().file() == unit.file()) {
        Span whole = s.definition().span();
        if (whole.start() <= offset && offset <= whole.end()) {
          found = s;
        }
      }
    }
    return found;
  }

  private void declarations(Kind kind) {
    if (kind == null) {
      return;
    }
    for (List<Symbol> symbols : visible().values()) {
      for (Symbol s : symbols) {
        if (s.kind() == SymbolKind.DECLARATION && s.declarationKind() == kind) {
          add(s.name(), CompletionItemKind.Reference, kind.word(), null, null);
          if (kind == Kind.LISTENER && table() != null) {
            // where a listener is wanted (a production or test route), so is one of its rules
            for (Symbol rule : table().children(s)) {
              if (rule.kind() == SymbolKind.LISTENER_RULE) {
                add(s.name() + "." + rule.name(), CompletionItemKind.Reference, "listener rule", null, null);
              }
            }
          }
        }
      }
    }
    if (kind == Kind.CAPACITY_PROVIDER) {
      for (String provider : FargateProviders.ALL) {
        add(provider, CompletionItemKind.EnumMember, "built-in capacity provider", null, null);
      }
    }
  }

  /** Names in scope: lets, vars, parameters, loop variables, templates, modules, built-in functions. */
  private void names(boolean statement) {
    for (Map.Entry<String, List<Symbol>> e : visible().entrySet()) {
      Symbol s = first(e.getValue());
      if (s == null || s.kind() == SymbolKind.DECLARATION || s.kind() == SymbolKind.CONTAINER) {
        continue;
      }
      if (statement && s.kind() != SymbolKind.TEMPLATE && s.kind() != SymbolKind.IMPORT) {
        continue; // only calls stand alone
      }
      if (s.kind() == SymbolKind.BUILTIN) {
        if (!statement) {
          String usage = Builtins.usages().get(s.name());
          add(s.name(), CompletionItemKind.Function, usage, s.name() + "($0)", null);
        }
        continue;
      }
      addSymbol(s);
    }
  }

  private void addSymbol(Symbol s) {
    if (s == null) {
      return;
    }
    switch (s.kind()) {
      case TEMPLATE -> {
        Item.Template t = (Item.Template) s.definition();
        StringBuilder sig = new StringBuilder(s.name()).append('(');
        for (int i = 0; i < t.params().size(); i++) {
          Param p = t.params().get(i);
          sig.append(i > 0 ? ", " : "").append(p.name().name()).append(p.type() != null ? ": " + p.type() : "")
              .append(p.defaultValue() != null ? " = …" : "");
        }
        sig.append(')');
        add(s.name(), CompletionItemKind.Function, "template " + sig, s.name() + "($0)", null);
      }
      case IMPORT -> add(s.name(), CompletionItemKind.Module, "module " + s.module().displayName(), null, null);
      case LET -> add(s.name(), CompletionItemKind.Constant, "let", null, null);
      case VAR -> add(s.name(), CompletionItemKind.Variable, "var", null, null);
      case PARAMETER -> add(s.name(), CompletionItemKind.Variable, "parameter", null, null);
      case LOOP_VARIABLE -> add(s.name(), CompletionItemKind.Variable, "loop variable", null, null);
      case CONTAINER -> add(s.name(), CompletionItemKind.Field, "container", null, null);
      case PORT -> add(s.name(), CompletionItemKind.Field, "port", null, null);
      case LISTENER_RULE -> add(s.name(), CompletionItemKind.Field, "listener rule of `" + s.parent().name() + "`", null, null);
      case DECLARATION -> add(s.name(), CompletionItemKind.Reference, s.declarationKind().word(), null, null);
      default -> {}
    }
  }

  private static Symbol first(List<Symbol> symbols) {
    return symbols == null || symbols.isEmpty() ? null : symbols.get(0);
  }

  // ------------------------------------------------------------------------------- blocks

  /** The block the cursor is in, as {@link Vocabulary} describes it; null when none describes it. */
  Vocabulary.Block block() {
    Vocabulary.Block block = null;
    for (CursorContext.Block b : context.blocks()) {
      if (block == null) {
        Kind kind = Kind.byKeyword(b.key());
        if (kind == null) {
          return null;
        }
        block = VOCABULARY.declaration(kind);
      } else {
        block = VOCABULARY.child(block, b.key());
        if (block == null) {
          return null;
        }
      }
    }
    return block;
  }

  // ------------------------------------------------------------------------------- items

  private CompletionItem add(String label, CompletionItemKind kind, String detail, String snippet, String docKey) {
    if (items.containsKey(label) || !matches(label)) {
      return null;
    }
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setDetail(detail);
    item.setSortText(String.format("0%04d", rank++));
    item.setFilterText(label);
    boolean asSnippet = snippet != null && snippets;
    String text = snippet == null ? label : asSnippet ? snippet : plain(snippet);
    item.setTextEdit(Either.forLeft(new TextEdit(replace, text)));
    item.setInsertTextFormat(asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
    if (docKey != null) {
      JsonObject data = new JsonObject();
      data.addProperty("doc", docKey);
      item.setData(data);
    }
    items.put(label, item);
    return item;
  }

  /**
   * A snippet as a client without snippets takes it: its first line up to the first place to type
   * ({@code memory = $0} is {@code memory = }, {@code task ${1:name} {…} is {@code task }), without
   * an opening brace left unclosed.
   */
  static String plain(String snippet) {
    String first = snippet.split("\n", 2)[0];
    int hole = first.indexOf('$');
    String text = hole >= 0 ? first.substring(0, hole) : first;
    text = text.replaceAll("\\s*\\{\\s*$", "");
    return text.isBlank() ? snippet.replaceAll("\\$\\{\\d+:([^}]*)}", "$1").replaceAll("\\$\\d+", "") : text;
  }

  /** The typed prefix, loosely: its letters in order (editors filter further). */
  private boolean matches(String label) {
    String p = context.prefix().toLowerCase(Locale.ROOT);
    String l = label.toLowerCase(Locale.ROOT);
    int i = 0;
    for (int j = 0; j < l.length() && i < p.length(); j++) {
      if (l.charAt(j) == p.charAt(i)) {
        i++;
      }
    }
    return i == p.length() && (p.isEmpty() || l.charAt(0) == p.charAt(0));
  }

  /** Adds the documentation of an item chosen in the list (kept out of the list itself, for speed). */
  static CompletionItem resolve(CompletionItem item) {
    if (item.getData() instanceof JsonObject data && data.has("doc")) {
      String key = data.get("doc").getAsString();
      String doc = key.startsWith("std/") ? Stdlib.source(key.substring(4)) == null ? null
          : io.ecsl.fmt.DocComments.of(new io.ecsl.source.SourceFile(key + ".ecs", null, Stdlib.source(key.substring(4))))
              .header()
          : ApiDocs.of(key);
      if (doc != null) {
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
      }
    }
    return item;
  }
}
