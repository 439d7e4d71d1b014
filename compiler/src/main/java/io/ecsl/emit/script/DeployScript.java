package io.ecsl.emit.script;

import io.ecsl.model.EcsModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code deploy.sh}: a bash script that creates or updates, with the AWS CLI, everything the
 * build's manifest lists, in its dependency order, and can be run again safely. It reads the
 * create requests from the JSON files beside it and carries the derived update requests in quoted
 * heredocs, so no value from the project is ever parsed by the shell. Rendered from
 * {@code deploy.sh.template} with a {@link DeployScriptView}.
 *
 * <p>The template is the script itself, with a few placeholders: {@code @@project@@},
 * {@code @@region@@} and {@code @@stepCount@@} (already shell-quoted in the view), and two lines
 * that stand for the loops, {@code @@documents@@} (each update request in its heredoc) and
 * {@code @@steps@@} (one {@code ecsl_step} line per step). Any other {@code @@name@@} is an error,
 * never an empty string in a script. (It was a Velocity template; Velocity's ~180 classes and its
 * start cost ~55 ms of CPU in every build for three substitutions and two loops.)
 */
public final class DeployScript {
  /** The file name in the build output directory. */
  public static final String FILE = "deploy.sh";

  static final String TEMPLATE = "deploy.sh.template";
  private static final String MARK = "@@";

  private DeployScript() {}

  /** The template, read once when first needed. */
  private static final class Template {
    static final String TEXT = load();

    private static String load() {
      try (InputStream in = DeployScript.class.getResourceAsStream(TEMPLATE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + TEMPLATE + " is missing from the jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static String render(EcsModel model) {
    return render(DeployScriptView.of(model));
  }

  static String render(DeployScriptView view) {
    return render(Template.TEXT, view);
  }

  /** Fills the placeholders of {@code template} from {@code view} (see the class comment). */
  static String render(String template, DeployScriptView view) {
    StringBuilder out = new StringBuilder(template.length() + 256 * (view.steps().size() + view.documents().size()));
    int at = 0;
    while (true) {
      int open = template.indexOf(MARK, at);
      if (open < 0) {
        return out.append(template, at, template.length()).toString();
      }
      int close = template.indexOf(MARK, open + MARK.length());
      if (close < 0) {
        throw new IllegalStateException(TEMPLATE + ": unterminated placeholder at offset " + open);
      }
      out.append(template, at, open);
      String name = template.substring(open + MARK.length(), close);
      at = close + MARK.length();
      switch (name) {
        case "project" -> out.append(view.project());
        case "region" -> out.append(view.region());
        case "stepCount" -> out.append(view.stepCount());
        case "documents", "steps" -> {
          if (!(open == 0 || template.charAt(open - 1) == '\n') || !template.startsWith("\n", at)) {
            throw new IllegalStateException(TEMPLATE + ": @@" + name + "@@ must be a line of its own");
          }
          at++; // the line is replaced by the lines it stands for
          if (name.equals("documents")) {
            for (DeployScriptView.Document d : view.documents()) {
              out.append("IFS= read -r -d '' ").append(d.variable()).append(" <<'").append(DeployScriptView.END_OF_DOCUMENT)
                  .append("' || true\n").append(d.json()).append('\n').append(DeployScriptView.END_OF_DOCUMENT).append('\n');
            }
          } else {
            for (DeployScriptView.Step s : view.steps()) {
              out.append("ecsl_step ").append(s.number()).append(' ').append(s.label()).append(' ').append(s.command()).append('\n');
            }
          }
        }
        default -> throw new IllegalStateException(TEMPLATE + ": unknown placeholder @@" + name + "@@");
      }
    }
  }

  /** Reads the template ahead of the first render (the build's warm-up calls this). */
  public static void prepare() {
    if (Template.TEXT.isEmpty()) {
      throw new IllegalStateException(TEMPLATE + " is empty");
    }
  }

  public static byte[] bytes(EcsModel model) {
    return render(model).getBytes(StandardCharsets.UTF_8);
  }
}
