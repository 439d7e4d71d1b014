package io.ecsl.lower;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forward action of a declared listener rule (or NLB listener) that a service's blue/green,
 * linear or canary deployments shift traffic on belongs to ECS: each deployment re-weights it
 * between the two target groups and leaves it on the one the new revision runs in. Declared as
 * {@code forward = blue}, it would otherwise show as drift after every deployment, and an apply
 * would put production traffic back on a group whose tasks have stopped (the CDK's "resets listener
 * rule actions during stack updates" bug). Its actions are marked owned elsewhere, so the plan
 * shows them as ignored; the declared action is what the rule is created with.
 */
final class TrafficShiftOwners {
  private static final String[] MEMBERS = {"productionListenerRule", "testListenerRule"};

  private TrafficShiftOwners() {}

  static List<Resource> apply(List<Resource> resources) {
    Map<ArnPlaceholder, String> owners = new LinkedHashMap<>();
    for (Resource r : resources) {
      if (r.kind() != ResourceKind.SERVICE) {
        continue;
      }
      for (JsonNode lb : r.primary().body().path("loadBalancers")) {
        for (String member : MEMBERS) {
          ArnPlaceholder p = ArnPlaceholder.parse(lb.path("advancedConfiguration").path(member).asText(""));
          if (p != null) {
            owners.putIfAbsent(p, "ECS (deployments of " + r.address() + " shift its weights)");
          }
        }
      }
    }
    if (owners.isEmpty()) {
      return resources;
    }
    List<Resource> out = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      String owner = r.kind() == ResourceKind.LISTENER_RULE || r.kind() == ResourceKind.LISTENER
          ? owners.get(new ArnPlaceholder(r.kind(), r.name())) : null;
      if (owner == null) {
        out.add(r);
        continue;
      }
      Map<String, String> owned = new LinkedHashMap<>(r.ownedElsewhere());
      owned.put(r.kind() == ResourceKind.LISTENER_RULE ? "/Actions" : "/DefaultActions", owner);
      out.add(new Resource(r.kind(), r.name(), r.cluster(), r.span(), r.requests(), owned, r.localGroup()));
    }
    return out;
  }
}
