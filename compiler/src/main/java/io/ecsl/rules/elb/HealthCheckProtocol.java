package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.elb.LoadBalancerType;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;

/**
 * E1907: a target group's health check fits its protocol (ELBv2 API, CreateTargetGroup): the
 * health check protocol is one the load balancer type of the group's protocol checks with (an
 * HTTP or HTTPS group, behind an ALB, is checked over HTTP or HTTPS; a TCP, TLS or UDP group over
 * TCP, HTTP or HTTPS); a path and a matcher belong to HTTP and HTTPS checks only; gRPC codes need
 * protocol version GRPC, and HTTP codes another version.
 */
public final class HealthCheckProtocol extends BaseRule {
  public HealthCheckProtocol() {
    super("E1907", "Target group health check fits its protocol: ALB groups check over HTTP/HTTPS, path and matcher"
        + " only on HTTP/HTTPS checks, gRPC codes with GRPC", "ELBv2 API (CreateTargetGroup)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().ofKind(ResourceKind.TARGET_GROUP)) {
      JsonNode body = r.primary().body();
      String protocol = Nodes.text(body, "Protocol");
      LoadBalancerType type = LoadBalancerType.forProtocol(protocol);
      if (type == null) {
        continue; // a Lambda target group, or a protocol the model's enum check reports
      }
      String declared = Nodes.text(body, "HealthCheckProtocol");
      String checkedWith = declared != null ? declared : type == LoadBalancerType.APPLICATION ? protocol : "TCP";
      if (declared != null && !type.healthCheckProtocols().contains(declared)) {
        ctx.report(r, "/HealthCheckProtocol", "target group `" + r.name() + "` (" + protocol + ", for an " + type.word()
            + ") cannot be health-checked over " + declared, "use " + Nodes.orList(type.healthCheckProtocols()));
        continue;
      }
      boolean http = checkedWith.equals("HTTP") || checkedWith.equals("HTTPS");
      if (!http) {
        for (String member : new String[] {"HealthCheckPath", "Matcher"}) {
          if (Nodes.has(body, member)) {
            ctx.report(r, "/" + member, "target group `" + r.name() + "` is health-checked over " + checkedWith
                + (declared == null ? " (the default for " + protocol + ")" : "") + ", which has no "
                + (member.equals("Matcher") ? "response codes to match" : "path"),
                "set `health_check { protocol = HTTP }` to check over HTTP, or remove `"
                    + (member.equals("Matcher") ? "matcher" : "path") + "`");
          }
        }
        continue;
      }
      boolean grpc = "GRPC".equals(Nodes.text(body, "ProtocolVersion"));
      JsonNode matcher = Nodes.object(body, "Matcher");
      if (grpc && Nodes.has(matcher, "HttpCode")) {
        ctx.report(r, "/Matcher/HttpCode", "target group `" + r.name() + "` speaks gRPC, whose health check matches gRPC"
            + " status codes, not HTTP codes", "write `matcher { grpc_code = \"0-99\" }`, or drop `protocol_version = \"GRPC\"`");
      } else if (!grpc && Nodes.has(matcher, "GrpcCode")) {
        ctx.report(r, "/Matcher/GrpcCode", "target group `" + r.name() + "` matches gRPC codes but its protocol version is "
            + (Nodes.text(body, "ProtocolVersion") == null ? "HTTP1 (the default)" : Nodes.text(body, "ProtocolVersion")),
            "set `protocol_version = GRPC`, or match HTTP codes (`matcher = \"200-299\"`)");
      }
    }
  }
}
