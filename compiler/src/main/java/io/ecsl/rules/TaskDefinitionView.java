package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code RegisterTaskDefinition} request read once for all rules: its launch-type compatibilities,
 * network mode, operating system, task size and containers.
 */
public final class TaskDefinitionView {
  private final Resource resource;
  private final ApiRequest request;
  private final ObjectNode body;
  private final Set<String> compatibilities;
  private final String networkMode;
  private final String osFamily;
  private final String cpuText;
  private final String memoryText;
  private final List<ContainerView> containers;
  private final Map<String, ContainerView> containerByName = new HashMap<>();
  private final Set<String> volumeNames = new LinkedHashSet<>();

  public TaskDefinitionView(Resource resource, ApiRequest request) {
    this.resource = resource;
    this.request = request;
    this.body = request.body();
    this.compatibilities = Collections.unmodifiableSet(new LinkedHashSet<>(Nodes.strings(body, "requiresCompatibilities")));
    this.networkMode = Nodes.text(body, "networkMode");
    this.osFamily = Nodes.text(Nodes.object(body, "runtimePlatform"), "operatingSystemFamily");
    this.cpuText = scalarText(body.get("cpu"));
    this.memoryText = scalarText(body.get("memory"));
    List<ContainerView> list = new ArrayList<>();
    List<JsonNode> defs = Nodes.list(body, "containerDefinitions");
    for (int i = 0; i < defs.size(); i++) {
      if (defs.get(i) instanceof ObjectNode o) {
        ContainerView c = new ContainerView(this, i, o);
        list.add(c);
        if (c.name() != null) {
          containerByName.putIfAbsent(c.name(), c);
        }
      }
    }
    this.containers = Collections.unmodifiableList(list);
    for (JsonNode v : Nodes.list(body, "volumes")) {
      String name = Nodes.text(v, "name");
      if (name != null) {
        volumeNames.add(name);
      }
    }
  }

  private static String scalarText(JsonNode v) {
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  public Resource resource() {
    return resource;
  }

  public ApiRequest request() {
    return request;
  }

  public ObjectNode body() {
    return body;
  }

  public String family() {
    return resource.name();
  }

  /** {@code requiresCompatibilities} as written (empty when omitted). */
  public Set<String> compatibilities() {
    return compatibilities;
  }

  /** True when ECS validates it for Fargate (it lists FARGATE in {@code requiresCompatibilities}). */
  public boolean fargate() {
    return compatibilities.contains("FARGATE");
  }

  /** The network mode as written, or null when omitted. */
  public String networkMode() {
    return networkMode;
  }

  /**
   * The network mode tasks get: as written, else {@code bridge} on Linux (ECS's default) and
   * {@code default} (NAT) on Windows. An invalid value counts as omitted.
   */
  public String effectiveNetworkMode() {
    // a value that is not a network mode (E1802 reports it) gets the default, so rules are not misled by it
    if (networkMode != null && java.util.Set.of("bridge", "host", "awsvpc", "none").contains(networkMode)) {
      return networkMode;
    }
    return windows() ? "default" : "bridge";
  }

  public boolean awsvpc() {
    return "awsvpc".equals(networkMode);
  }

  /** {@code runtimePlatform.operatingSystemFamily}, or null. */
  public String osFamily() {
    return osFamily;
  }

  public boolean windows() {
    return osFamily != null && osFamily.startsWith("WINDOWS");
  }

  /** {@code runtimePlatform.cpuArchitecture}, or null. */
  public String cpuArchitecture() {
    return Nodes.text(Nodes.object(body, "runtimePlatform"), "cpuArchitecture");
  }

  /** The task-level cpu as written, or null. */
  public String cpuText() {
    return cpuText;
  }

  public String memoryText() {
    return memoryText;
  }

  /** Task-level CPU units; null when not set, -1 when not understood. */
  public Long cpuUnits() {
    return cpuText == null ? null : TaskSize.cpuUnits(cpuText).orElse(-1);
  }

  /** Task-level memory in MiB; null when not set, -1 when not understood. */
  public Long memoryMiB() {
    return memoryText == null ? null : TaskSize.memoryMiB(memoryText).orElse(-1);
  }

  public List<ContainerView> containers() {
    return containers;
  }

  /** The first container with this name, or null. */
  public ContainerView container(String name) {
    return containerByName.get(name);
  }

  public Set<String> containerNames() {
    return containerByName.keySet();
  }

  public Set<String> volumeNames() {
    return volumeNames;
  }

  /** The port mapping names of all containers (Service Connect refers to them). */
  public Map<String, JsonNode> portsByName() {
    Map<String, JsonNode> out = new HashMap<>();
    for (ContainerView c : containers) {
      for (JsonNode pm : Nodes.list(c.node(), "portMappings")) {
        String n = Nodes.text(pm, "name");
        if (n != null) {
          out.putIfAbsent(n, pm);
        }
      }
    }
    return out;
  }

  /** Reports at a field of this task definition. */
  public void report(RuleContext ctx, String pointer, String message, String hint) {
    ctx.report(resource, request, pointer, message, hint);
  }

  /** How messages name it. */
  public String label() {
    return "task definition `" + family() + "`";
  }
}
