package io.ecsl.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceRule;
import io.ecsl.rules.ServiceView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * E1218: a Service Connect configuration is well-formed: each port appears once, discovery names
 * are up to 64 lowercase letters, digits, {@code _} or {@code -}, at most one client alias per
 * port with a DNS name of up to 127 such characters (and dots), access logs only with a log
 * configuration.
 */
public final class ServiceConnectSettings extends ServiceRule {
  private static final Pattern DISCOVERY = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");
  private static final Pattern DNS = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,126}");

  public ServiceConnectSettings() {
    super("E1218", "Service Connect: unique ports, valid discovery and DNS names, ≤ 1 alias per port, access logs with logs",
        "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, ServiceView s) {
    JsonNode sc = Nodes.object(s.body(), "serviceConnectConfiguration");
    if (sc == null) {
      return;
    }
    String base = "/serviceConnectConfiguration";
    if (Nodes.has(sc, "accessLogConfiguration") && !Nodes.has(sc, "logConfiguration")) {
      s.report(ctx, base + "/accessLogConfiguration", "Service Connect access logs of " + s.label()
          + " need a `log_configuration` for the proxy to write them to", "add `log_configuration { log_driver = awslogs, … }`");
    }
    List<JsonNode> services = Nodes.list(sc, "services");
    Set<String> ports = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      JsonNode svc = services.get(i);
      String at = base + "/services/" + i;
      String port = Nodes.text(svc, "portName");
      if (port != null && !ports.add(port)) {
        s.report(ctx, at + "/portName", "port `" + port + "` is published twice in the Service Connect configuration of " + s.label(),
            "publish each port once");
      }
      String discovery = Nodes.text(svc, "discoveryName");
      if (discovery != null && !DISCOVERY.matcher(discovery).matches()) {
        s.report(ctx, at + "/discoveryName", "discovery name `" + discovery + "` must be up to 64 lowercase letters, digits, `_` "
            + "or `-`, not starting with `-`", "rename it");
      }
      String effective = discovery != null ? discovery : port;
      if (effective != null && !names.add(effective)) {
        s.report(ctx, at + (discovery != null ? "/discoveryName" : "/portName"), "discovery name `" + effective
            + "` is used twice by " + s.label(), "give each Service Connect service its own `discovery_name`");
      }
      List<JsonNode> aliases = Nodes.list(svc, "clientAliases");
      if (aliases.size() > 1) {
        s.report(ctx, at + "/clientAliases/1", "a Service Connect service takes one client alias; " + s.label() + " gives "
            + aliases.size() + " for port `" + port + "`", "keep one alias");
      }
      for (int j = 0; j < aliases.size(); j++) {
        String dns = Nodes.text(aliases.get(j), "dnsName");
        if (dns != null && !DNS.matcher(dns).matches()) {
          s.report(ctx, at + "/clientAliases/" + j + "/dnsName", "client alias `" + dns + "` must be up to 127 lowercase letters, "
              + "digits, `_`, `-` or `.`, not starting with `-` or `.`", "write e.g. `dns_name = \"api.internal\"`");
        }
      }
    }
  }
}
