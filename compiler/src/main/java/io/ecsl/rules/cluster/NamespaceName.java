package io.ecsl.rules.cluster;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1407: Cloud Map namespace names: HTTP namespaces up to 1024 printable characters, DNS
 * namespaces a DNS name of up to 253 characters; never an ARN.
 */
public final class NamespaceName extends BaseRule {
  public NamespaceName() {
    super("E1407", "Namespace names: HTTP ≤ 1024 printable characters, DNS a domain name ≤ 253", "Cloud Map API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().namespaces()) {
      String name = Nodes.text(r.primary().body(), "Name");
      if (name == null) {
        continue;
      }
      boolean dns = !r.primary().operation().equals("CreateHttpNamespace");
      if (name.startsWith("arn:")) {
        ctx.report(r, "/Name", "namespace name `" + name + "` is an ARN; a new namespace takes a name", "write `name = \"internal\"`");
      } else if (!dns && !name.matches("[!-~]{1,1024}")) {
        ctx.report(r, "/Name", "HTTP namespace name `" + name + "` must be 1–1024 printable characters without spaces",
            "write e.g. `internal`");
      } else if (dns && (name.length() > 253 || !name.matches("([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*"
          + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?"))) {
        ctx.report(r, "/Name", "DNS namespace name `" + name + "` is not a domain name of up to 253 characters",
            "write e.g. `internal.example.com`");
      }
    }
  }
}
