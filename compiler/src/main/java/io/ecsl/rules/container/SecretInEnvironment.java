package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * W1103: an environment variable whose name says it is a secret (PASSWORD, SECRET, TOKEN, KEY, …)
 * carries a literal value. Environment values are stored in the task definition in clear text and
 * shown to anyone who can describe it; secrets belong in Secrets Manager or SSM.
 */
public final class SecretInEnvironment extends ContainerRule {
  /** Words that make a variable a secret wherever they appear in its name. */
  private static final Set<String> ANYWHERE = Set.of("PASSWORD", "PASSWD", "SECRET", "PRIVATE", "CREDENTIAL", "CREDENTIALS");
  /** Words that make it a secret as the last word of its name (API_KEY, but not KEY_PREFIX). */
  private static final Set<String> LAST = Set.of("TOKEN", "KEY", "APIKEY", "PWD", "PASS", "AUTH");

  public SecretInEnvironment() {
    super("W1103", "Secret-looking environment variables (PASSWORD, SECRET, TOKEN, KEY) do not hold literal values",
        "ecsl judgement (security)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> env = Nodes.list(c.node(), "environment");
    for (int i = 0; i < env.size(); i++) {
      String name = Nodes.text(env.get(i), "name");
      String value = Nodes.text(env.get(i), "value");
      if (name != null && value != null && !value.isBlank() && looksSecret(name) && !value.startsWith("arn:")) {
        c.report(ctx, "/environment/" + i + "/name", "environment variable `" + name + "` of " + c.label()
            + " looks like a secret but holds a literal value, stored in clear text in the task definition",
            "store it in Secrets Manager or SSM and write `secret " + name + " from \"arn:aws:secretsmanager:…\"`");
      }
    }
  }

  static boolean looksSecret(String name) {
    // Words between `_`, `-` and `.`, scanned by hand: a regex split of every variable of every
    // container was this rule's whole cost on a 10,000-service project.
    String upper = name.toUpperCase(Locale.ROOT);
    String last = null;
    int start = 0;
    for (int i = 0; i <= upper.length(); i++) {
      if (i == upper.length() || isSeparator(upper.charAt(i))) {
        if (i > start) {
          last = upper.substring(start, i);
          if (ANYWHERE.contains(last)) {
            return true;
          }
        }
        start = i + 1;
      }
    }
    return last != null && LAST.contains(last);
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }
}
