package io.ecsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of API JSON: lists whose order AWS ignores are sorted, and map keys are
 * sorted, so builds are byte-for-byte reproducible and the planner never reports a reordering as
 * a change. The table of order-insensitive lists lives here only; the emitter and the differ share it.
 */
public final class Canonical {
  /** {@code Shape.member} → the member to sort elements by ({@code ""} for lists of strings). */
  private static final Map<String, String> ORDER_INSENSITIVE = Map.ofEntries(
      Map.entry("ContainerDefinition.environment", "name"),
      Map.entry("ContainerDefinition.secrets", "name"),
      Map.entry("ContainerDefinition.ulimits", "name"),
      Map.entry("ContainerDefinition.systemControls", "namespace"),
      Map.entry("ContainerDefinition.extraHosts", "hostname"),
      Map.entry("ContainerOverride.environment", "name"),
      Map.entry("LogConfiguration.secretOptions", "name"),
      Map.entry("KernelCapabilities.add", ""),
      Map.entry("KernelCapabilities.drop", ""),
      Map.entry("RegisterTaskDefinitionRequest.requiresCompatibilities", ""),
      Map.entry("TaskDefinition.requiresCompatibilities", ""),
      Map.entry("TaskDefinition.compatibilities", ""),
      Map.entry("AwsVpcConfiguration.subnets", ""),
      Map.entry("AwsVpcConfiguration.securityGroups", ""),
      Map.entry("AwsVpcConfiguration.Subnets", ""),
      Map.entry("AwsVpcConfiguration.SecurityGroups", ""),
      Map.entry("CreateClusterRequest.capacityProviders", ""),
      Map.entry("CreateLoadBalancerInput.Subnets", ""),
      Map.entry("CreateLoadBalancerInput.SecurityGroups", ""),
      Map.entry("SetSubnetsInput.Subnets", ""),
      Map.entry("SetSecurityGroupsInput.SecurityGroups", ""),
      Map.entry("Cluster.capacityProviders", ""),
      Map.entry("PutClusterCapacityProvidersRequest.capacityProviders", ""));

  private Canonical() {}

  /** True when AWS treats this list member as a set. */
  public static boolean isOrderInsensitive(Shape owner, String member) {
    return ORDER_INSENSITIVE.containsKey(owner.name() + "." + member) || isTagList(owner, member);
  }

  private static final Map<Shape, Map<String, java.util.Optional<String>>> SORT_KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<Shape, Boolean> NEEDS_SORT = new java.util.concurrent.ConcurrentHashMap<>();

  /** The member list elements are keyed by ({@code ""} for strings), or null if order matters. */
  public static String sortKey(Shape owner, String member) {
    Map<String, java.util.Optional<String>> byMember =
        SORT_KEYS.computeIfAbsent(owner, k -> new java.util.concurrent.ConcurrentHashMap<>());
    java.util.Optional<String> key = byMember.get(member);
    if (key == null) {
      key = java.util.Optional.ofNullable(computeSortKey(owner, member));
      byMember.put(member, key);
    }
    return key.orElse(null);
  }

  /**
   * True when a value of this shape can contain something to sort (most subtrees cannot).
   *
   * <p>Only final answers go into the shared table: the emitter and the rules sort from several
   * threads, and a provisional "no" (once stored to stop recursive shapes) let another thread skip
   * a list it had to sort, so a build's tags came out in either order.
   */
  static boolean needsSort(Shape shape) {
    Boolean known = NEEDS_SORT.get(shape);
    if (known != null) {
      return known;
    }
    boolean needs = reachesSomethingToSort(shape);
    NEEDS_SORT.put(shape, needs);
    return needs;
  }

  /** Whether a map, or a list kept sorted, is reachable from {@code root} (each shape visited once). */
  private static boolean reachesSomethingToSort(Shape root) {
    java.util.ArrayDeque<Shape> todo = new java.util.ArrayDeque<>();
    java.util.Set<Shape> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    todo.push(root);
    seen.add(root);
    while (!todo.isEmpty()) {
      Shape s = todo.pop();
      Boolean known = s == root ? null : NEEDS_SORT.get(s);
      if (known != null) {
        if (known) {
          return true;
        }
        continue; // a final "no" covers everything below it
      }
      switch (s.type()) {
        case "map" -> {
          return true;
        }
        case "list" -> {
          if (s.element() != null && seen.add(s.element())) {
            todo.push(s.element());
          }
        }
        case "structure" -> {
          for (String m : s.members().keySet()) {
            if (computeSortKey(s, m) != null) {
              return true;
            }
            Shape member = s.member(m);
            if (member != null && seen.add(member)) {
              todo.push(member);
            }
          }
        }
        default -> { }
      }
    }
    return false;
  }

  private static String computeSortKey(Shape owner, String member) {
    String key = ORDER_INSENSITIVE.get(owner.name() + "." + member);
    if (key != null) {
      return key;
    }
    if (isTagList(owner, member)) {
      Shape element = owner.member(member).element();
      return element.members().containsKey("key") ? "key" : "Key";
    }
    return null;
  }

  private static boolean isTagList(Shape owner, String member) {
    if (!member.equalsIgnoreCase("tags")) {
      return false;
    }
    Shape s = owner.member(member);
    return s != null && s.isList() && s.element().isStructure();
  }

  /** Sorts, in place, every order-insensitive list and every map in {@code node} (a {@code shape}). */
  public static void sort(JsonNode node, Shape shape) {
    sort(node, shape, null, "");
  }

  /**
   * Sorts like {@link #sort(JsonNode, Shape)} and moves the recorded spans of list elements along
   * with them, so a rule still points at the right line after sorting.
   */
  public static void sort(JsonNode node, Shape shape, SpanIndex spans, String pointer) {
    if (node == null || shape == null || !needsSort(shape)) {
      return;
    }
    if (shape.isStructure() && node instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonNode> e : iterable(obj)) {
        Shape memberShape = shape.member(e.getKey());
        String key = memberShape == null ? null : sortKey(shape, e.getKey());
        if (memberShape == null || key == null && !needsSort(memberShape)) {
          continue; // nothing to sort below: skip building its pointer
        }
        String child = pointer + "/" + SpanIndex.escape(e.getKey());
        sort(e.getValue(), memberShape, spans, child);
        if (key != null && e.getValue() instanceof ArrayNode list && list.size() > 1) {
          int[] moves = sortList(list, key);
          if (spans != null && !identity(moves)) {
            spans.permute(list, child, moves);
          }
        }
      }
    } else if (shape.isList() && node instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        sort(list.get(i), shape.element(), spans, pointer + "/" + i);
      }
    } else if (shape.isMap() && node instanceof ObjectNode map) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
      map.removeAll();
      sorted.forEach((k, v) -> {
        sort(v, shape.value(), spans, pointer + "/" + SpanIndex.escape(k));
        map.set(k, v);
      });
    }
  }

  private static List<Map.Entry<String, JsonNode>> iterable(ObjectNode obj) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    obj.fields().forEachRemaining(entries::add);
    return entries;
  }

  private static boolean identity(int[] moves) {
    for (int i = 0; i < moves.length; i++) {
      if (moves[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** Sorts a list stably; returns, for each old index, the element's new index. */
  static int[] sortList(ArrayNode list, String key) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      order.add(i);
    }
    Comparator<Integer> cmp = key.isEmpty()
        ? Comparator.comparing((Integer i) -> list.get(i).asText())
        : Comparator.comparing((Integer i) -> list.get(i).path(key).asText());
    order.sort(cmp);
    List<JsonNode> items = new ArrayList<>();
    int[] moves = new int[list.size()];
    for (int n = 0; n < order.size(); n++) {
      items.add(list.get(order.get(n)));
      moves[order.get(n)] = n;
    }
    list.removeAll();
    list.addAll(items);
    return moves;
  }
}
