package io.ecsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which declared Application Load Balancer and target group a service's {@code alb_requests}
 * target tracking measures, so its resource label need not be written by hand: the service's
 * first declared target group that a listener (or a rule of one) of a declared Application Load
 * Balancer forwards to. When there is none, {@link #why} says what stands in the way, for the rule
 * that reports it.
 *
 * @param label the label's placeholder, or null when it cannot be derived
 * @param why why it cannot (null when it can, and when the service has no target group at all,
 *     which rule E1713 reports)
 * @param hint what to do about it (null when the label is derived)
 */
public record RequestCountTarget(ResourceLabelPlaceholder label, String why, String hint) {
  private static final String WRITE_IT = "forward to the target group from a listener of a declared `load_balancer` (type"
      + " application), or write `alb_requests = 1000 { resource_label = \"app/LB-NAME/LB-ID/targetgroup/TG-NAME/TG-ID\" }`";

  /** The target {@code service} (a service resource of {@code resources}) scales on. */
  public static RequestCountTarget of(List<Resource> resources, Resource service) {
    RequestCountTarget first = null;
    for (JsonNode lb : service.primary().body().path("loadBalancers")) {
      String arn = lb.path("targetGroupArn").asText(null);
      if (arn == null) {
        continue;
      }
      RequestCountTarget t = ofTargetGroup(resources, ArnPlaceholder.parse(arn), arn);
      if (t.label() != null) {
        return t;
      }
      first = first == null ? t : first;
    }
    return first != null ? first : new RequestCountTarget(null, null, null);
  }

  private static RequestCountTarget ofTargetGroup(List<Resource> resources, ArnPlaceholder tg, String arn) {
    if (tg == null || find(resources, tg) == null) {
      return new RequestCountTarget(null, "its target group `" + arn + "` is not declared in the project, so the load"
          + " balancer in front of it is unknown", "write `alb_requests = 1000 { resource_label ="
          + " \"app/LB-NAME/LB-ID/targetgroup/TG-NAME/TG-ID\" }` with the names and ids of that load balancer and target group");
    }
    List<ArnPlaceholder> balancers = new ArrayList<>();
    List<String> external = new ArrayList<>();
    for (Resource r : resources) {
      if ((r.kind() != ResourceKind.LISTENER && r.kind() != ResourceKind.LISTENER_RULE)
          || !ArnPlaceholder.distinct(r.primary().body()).contains(tg)) {
        continue;
      }
      Resource listener = r.kind() == ResourceKind.LISTENER ? r
          : find(resources, ArnPlaceholder.parse(r.primary().body().path("ListenerArn").asText("")));
      String lbArn = listener == null ? null : listener.primary().body().path("LoadBalancerArn").asText(null);
      ArnPlaceholder lb = ArnPlaceholder.parse(lbArn);
      if (lb != null && find(resources, lb) != null) {
        balancers.add(lb);
      } else if (lbArn != null) {
        external.add(lbArn);
      }
    }
    if (balancers.isEmpty()) {
      return new RequestCountTarget(null, external.isEmpty()
          ? "no listener or listener rule forwards to its target group `" + tg.name() + "`"
          : "its target group `" + tg.name() + "` is behind load balancer `" + external.get(0) + "`, which is not"
              + " declared in the project", WRITE_IT);
    }
    for (ArnPlaceholder lb : balancers) {
      String type = find(resources, lb).primary().body().path("Type").asText("application");
      if (type.equals("application")) {
        return new RequestCountTarget(new ResourceLabelPlaceholder(lb.name(), tg.name()), null, null);
      }
    }
    String type = find(resources, balancers.get(0)).primary().body().path("Type").asText();
    return new RequestCountTarget(null, "its target group `" + tg.name() + "` is behind " + type + " load balancer `"
        + balancers.get(0).name() + "`; ALBRequestCountPerTarget counts the requests of an Application Load Balancer only",
        "track `cpu` or `memory` instead, or put the service behind an Application Load Balancer");
  }

  private static Resource find(List<Resource> resources, ArnPlaceholder p) {
    if (p == null) {
      return null;
    }
    for (Resource r : resources) {
      if (r.kind() == p.kind() && r.name().equals(p.name())) {
        return r;
      }
    }
    return null;
  }
}
