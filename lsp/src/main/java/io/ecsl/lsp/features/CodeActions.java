package io.ecsl.lsp.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Suggestions;
import io.ecsl.fmt.DocComments;
import io.ecsl.lsp.Locations;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.Workspace;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.modules.Sources;
import io.ecsl.modules.Stdlib;
import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes from the diagnostics' hints: take the "did you mean" spelling, add the import of a
 * module that is used but not imported, set a Fargate size that exists, pin an image to a tag.
 */
final class CodeActions {
  private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean `([^`]+)`\\?");
  private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
  private static final Pattern UNKNOWN_NAME = Pattern.compile("unknown (?:name|template or function) `([^`]+)`");

  private final Snapshot snapshot;
  private final SourceUnit unit;
  private final String uri;
  private final List<CodeAction> out = new ArrayList<>();

  private CodeActions(Snapshot snapshot, SourceUnit unit, Path file) {
    this.snapshot = snapshot;
    this.unit = unit;
    this.uri = Workspace.uri(file);
  }

  static List<CodeAction> of(Snapshot snapshot, SourceUnit unit, Path file, Range range) {
    CodeActions c = new CodeActions(snapshot, unit, file);
    for (Diagnostic d : snapshot.analysis().diagnostics().sorted()) {
      if (d.span() == null || d.span().file() != unit.file() || !overlaps(Locations.range(d.span()), range)) {
        continue;
      }
      c.didYouMean(d);
      c.missingImport(d);
      c.fargateSize(d);
      c.imageTag(d);
    }
    return c.out;
  }

  private static boolean overlaps(Range a, Range b) {
    return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
  }

  private static boolean before(Position x, Position y) {
    return x.getLine() < y.getLine() || x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter();
  }

  private void action(String title, Diagnostic d, boolean preferred, TextEdit... edits) {
    CodeAction a = new CodeAction(title);
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(DiagnosticsConverter.convert(d, Locations.range(d.span()), null)));
    a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edits))));
    a.setIsPreferred(preferred);
    out.add(a);
  }

  /** "did you mean `prod`?": replace the misspelt word (the quoted word of the message closest to it). */
  private void didYouMean(Diagnostic d) {
    if (d.hint() == null) {
      return;
    }
    Matcher m = DID_YOU_MEAN.matcher(d.hint());
    if (!m.find()) {
      return;
    }
    String suggestion = m.group(1);
    String text = d.span().text();
    // The misspelt word is quoted in the message; of those the span contains, the one close to the suggestion.
    String wrong = null;
    Matcher q = QUOTED.matcher(d.message());
    while (q.find()) {
      String word = q.group(1);
      if (word.equals(suggestion) || wordIndex(text, word) < 0) {
        continue;
      }
      if (Suggestions.closest(word, List.of(suggestion)) != null) {
        wrong = word;
        break;
      }
      if (wrong == null) {
        wrong = word;
      }
    }
    if (wrong == null) {
      return;
    }
    int start = d.span().start() + wordIndex(text, wrong);
    Span at = new Span(d.span().file(), start, start + wrong.length());
    action("Change `" + wrong + "` to `" + suggestion + "`", d, true, new TextEdit(Locations.range(at), suggestion));
  }

  /** The first occurrence of a whole word (not part of a longer name) in a text, or -1. */
  private static int wordIndex(String text, String word) {
    int from = 0;
    while (true) {
      int i = text.indexOf(word, from);
      if (i < 0) {
        return -1;
      }
      boolean startOk = i == 0 || !isNameChar(text.charAt(i - 1));
      boolean endOk = i + word.length() >= text.length() || !isNameChar(text.charAt(i + word.length()));
      if (startOk && endOk) {
        return i;
      }
      from = i + 1;
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** {@code fargate.size(…)} without {@code import "std/fargate"}: add the import. */
  private void missingImport(Diagnostic d) {
    if (!LanguageCode.UNKNOWN_NAME.code().equals(d.code())) {
      return;
    }
    Matcher m = UNKNOWN_NAME.matcher(d.message());
    if (!m.find()) {
      return;
    }
    String name = m.group(1);
    String path = null;
    if (Stdlib.modules().contains(name)) {
      path = "std/" + name;
    } else if (unit.file().path() != null) {
      Path dir = unit.file().path().getParent();
      try (var files = Files.walk(dir, 3)) {
        Path found = files.filter(p -> !p.getParent().equals(dir) || Files.isDirectory(p))
            .filter(p -> p.getFileName().toString().equals(name + ".ecs")
                || Files.isDirectory(p) && p.getFileName().toString().equals(name) && !Sources.DISK.ecsFiles(p).isEmpty())
            .min(Comparator.comparingInt(Path::getNameCount)).orElse(null);
        if (found != null && !found.equals(dir)) {
          path = "./" + dir.relativize(found).toString().replace('\\', '/');
        }
      } catch (java.io.IOException | RuntimeException e) {
        return;
      }
    }
    if (path == null) {
      return;
    }
    int line = importLine();
    Position at = new Position(line, 0);
    action("Add `import \"" + path + "\"`", d, true, new TextEdit(new Range(at, at), "import \"" + path + "\"\n"));
  }

  /** The line a new import goes on: after the last import, else after the file's opening comment. */
  private int importLine() {
    int line = -1;
    for (Item item : unit.items()) {
      if (item instanceof Item.Import i) {
        line = i.span().endLine();
      }
    }
    if (line >= 0) {
      return line;
    }
    SourceFile file = unit.file();
    String header = DocComments.of(file).header();
    if (header == null) {
      return 0;
    }
    int lines = header.split("\n", -1).length;
    // past the header and the blank line after it
    return Math.min(file.lineCount(), lines + 1);
  }

  /** E1006: cpu and memory that Fargate does not offer together; set one of the sizes it does. */
  private void fargateSize(Diagnostic d) {
    if (!"E1006".equals(d.code())) {
      return;
    }
    for (Resource r : snapshot.analysis().model().ofKind(ResourceKind.TASK_DEFINITION)) {
      ApiRequest req = r.primary();
      JsonNode body = req.body();
      long cpu = body.path("cpu").asLong(-1);
      long memory = body.path("memory").asLong(-1);
      if (d.span().equals(req.spans().exact("/memory")) && FargateTaskSizes.isCpu(cpu)) {
        List<Long> choices = new ArrayList<>(FargateTaskSizes.memories(cpu));
        choices.sort(Comparator.comparingLong(v -> Math.abs(v - memory)));
        for (long v : choices.subList(0, Math.min(3, choices.size()))) {
          replaceAttribute(d, "memory", TaskSize.describeMemory(v), choices.get(0) == v);
        }
        return;
      }
      if (d.span().equals(req.spans().exact("/cpu"))) {
        List<Long> choices = new ArrayList<>(FargateTaskSizes.cpus());
        if (memory > 0 && !FargateTaskSizes.cpusFor(memory).isEmpty()) {
          choices = new ArrayList<>(FargateTaskSizes.cpusFor(memory));
        }
        choices.sort(Comparator.comparingLong(v -> Math.abs(v - cpu)));
        for (long v : choices.subList(0, Math.min(3, choices.size()))) {
          replaceAttribute(d, "cpu", TaskSize.vcpu(v) + " vcpu", choices.get(0) == v);
        }
        return;
      }
    }
  }

  private void replaceAttribute(Diagnostic d, String key, String value, boolean preferred) {
    String text = d.span().text();
    if (!text.startsWith(key)) {
      return; // set through a template call: the fix belongs there
    }
    action("Set `" + key + " = " + value + "` (a Fargate size)", d, preferred,
        new TextEdit(Locations.range(d.span()), key + " = " + value));
  }

  /** W1101: an image without a tag or on `latest`: pin the tag other containers of the project use, or a placeholder. */
  private void imageTag(Diagnostic d) {
    if (!"W1101".equals(d.code())) {
      return;
    }
    Matcher m = Pattern.compile("image `([^`]+)`").matcher(d.message());
    if (!m.find()) {
      return;
    }
    String image = m.group(1);
    String repository = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(0, image.lastIndexOf(':')) : image;
    String text = d.span().text();
    int at = text.indexOf("\"" + image + "\"");
    if (at < 0) {
      return;
    }
    Span literal = new Span(d.span().file(), d.span().start() + at, d.span().start() + at + image.length() + 2);
    List<String> tags = new ArrayList<>();
    for (Resource r : snapshot.analysis().model().ofKind(ResourceKind.TASK_DEFINITION)) {
      for (JsonNode c : r.primary().body().path("containerDefinitions")) {
        String other = c.path("image").asText();
        if (other.startsWith(repository + ":") && !other.endsWith(":latest") && !tags.contains(other)) {
          tags.add(other);
        }
      }
    }
    for (String pinned : tags) {
      action("Pin the image to `" + pinned + "` (used elsewhere in the project)", d, tags.get(0).equals(pinned),
          new TextEdit(Locations.range(literal), "\"" + pinned + "\""));
    }
    if (tags.isEmpty()) {
      action("Pin the image to a version tag (then write the version you deploy)", d, false,
          new TextEdit(Locations.range(literal), "\"" + repository + ":1.0.0\""));
    }
  }
}
