package io.ecsl.lsp.features;

import io.ecsl.ast.Item;
import io.ecsl.ast.Param;
import io.ecsl.eval.Builtins;
import io.ecsl.fmt.DocComments;
import io.ecsl.fmt.Formatter;
import io.ecsl.lsp.Document;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.index.CursorContext;
import io.ecsl.lsp.index.Symbol;
import io.ecsl.lsp.index.Symbol.SymbolKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;

/**
 * Signature help inside a call's parentheses: a template's parameters (type and default, its
 * documentation comment) or a built-in function's usage, with the parameter being written marked
 * (by position, or by name for {@code name = value} arguments).
 */
final class Signatures {
  private Signatures() {}

  static String signature(Item.Template t) {
    return Formatter.signature(t);
  }

  static String parameter(Param p) {
    return Formatter.parameter(p);
  }

  static SignatureHelp at(Document document, Path path, Snapshot snapshot, Position position) {
    if (document == null) {
      return null;
    }
    int offset = document.offset(position);
    CursorContext context = CursorContext.at(document.text(), offset);
    List<String> callee = context.callee();
    if (callee.isEmpty()) {
      return null;
    }
    if (callee.size() == 1 && Builtins.usages().containsKey(callee.get(0))) {
      Symbol shadowing = snapshot == null ? null : Completions.calleeIn(document, path, snapshot, offset);
      if (shadowing == null || shadowing.kind() == SymbolKind.BUILTIN) {
        return builtin(callee.get(0), context.argument());
      }
    }
    Symbol s = snapshot == null ? null : Completions.calleeIn(document, path, snapshot, offset);
    if (s == null || !(s.definition() instanceof Item.Template t)) {
      return null;
    }
    List<ParameterInformation> params = new ArrayList<>();
    for (Param p : t.params()) {
      params.add(new ParameterInformation(parameter(p)));
    }
    SignatureInformation info = new SignatureInformation(signature(t));
    String doc = DocComments.of(t.span().file()).before(t.span().start());
    if (doc != null) {
      info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
    }
    info.setParameters(params);
    int active = context.argument();
    if (context.argumentName() != null) {
      for (int i = 0; i < t.params().size(); i++) {
        if (t.params().get(i).name().name().equals(context.argumentName())) {
          active = i;
        }
      }
    }
    SignatureHelp help = new SignatureHelp(List.of(info), 0, Math.min(active, Math.max(0, params.size() - 1)));
    info.setActiveParameter(help.getActiveParameter());
    return help;
  }

  private static SignatureHelp builtin(String name, int argument) {
    String usage = Builtins.usages().get(name);
    List<SignatureInformation> signatures = new ArrayList<>();
    for (String form : forms(usage)) {
      SignatureInformation info = new SignatureInformation(form);
      List<ParameterInformation> params = new ArrayList<>();
      int open = form.indexOf('(');
      int close = form.lastIndexOf(')');
      if (open >= 0 && close > open + 1) {
        for (String p : form.substring(open + 1, close).split(", ")) {
          params.add(new ParameterInformation(p.strip()));
        }
      }
      info.setParameters(params);
      info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "A built-in function."));
      signatures.add(info);
    }
    int chosen = 0;
    for (int i = 0; i < signatures.size(); i++) {
      if (signatures.get(i).getParameters().size() > argument) {
        chosen = i;
        break;
      }
    }
    return new SignatureHelp(signatures, chosen, argument);
  }

  /** {@code range(end) | range(start, end)}: the forms of a usage line (a `|` inside parentheses is not one). */
  private static List<String> forms(String usage) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < usage.length(); i++) {
      char c = usage.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && usage.startsWith(" | ", i)) {
        out.add(usage.substring(start, i));
        start = i + 3;
      }
    }
    out.add(usage.substring(start));
    return out;
  }
}
