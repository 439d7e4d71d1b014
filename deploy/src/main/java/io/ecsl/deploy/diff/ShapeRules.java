package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Canonical;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the normalizer and the differ need to know about one API shape, worked out once per shape
 * rather than once per document: its kind, and for each member of a structure its position in the
 * model's order, its canonical default ({@link EcsDefaults}), the key its list is sorted by
 * ({@link Canonical}), the key its elements are matched by, and whether it takes unit forms. A
 * plan of 10,000 services normalizes tens of thousands of documents of a few dozen shapes, so
 * looking these up per field (string keys built and hashed, shapes hashed) dominated planning.
 *
 * <p>Rules are cached per model and shape name; children are resolved on first use, so recursive
 * shapes are fine. Thread-safe: planning runs in parallel.
 */
final class ShapeRules {
  /** How a value of the shape is normalized. */
  enum Kind { STRUCTURE, LIST, MAP, INTEGER, DOUBLE, BOOLEAN, STRING, OTHER }

  /** Lists matched by a member in addition to the order-insensitive ones of {@link Canonical}. */
  private static final Map<String, String> IDENTITY = Map.of(
      "RegisterTaskDefinitionRequest.containerDefinitions", "name",
      "RegisterTaskDefinitionRequest.volumes", "name",
      "PutTargetsRequest.Targets", "Id",
      "ContainerDefinition.dependsOn", "containerName",
      "ServiceConnectConfiguration.services", "portName");

  private static final Map<ServiceModel, Map<String, ShapeRules>> CACHE = new ConcurrentHashMap<>();

  final Shape shape;
  final Kind kind;
  /** Structure members in the model's order (empty for other kinds). */
  private final Member[] members;
  private final Map<String, Member> byName;
  /** Members the plan never compares as they are: write-only ones, and those the service chooses. */
  private final List<Member> special;
  private volatile ShapeRules element;

  private ShapeRules(Shape shape) {
    this.shape = shape;
    this.kind = switch (shape.type()) {
      case "structure" -> Kind.STRUCTURE;
      case "list" -> Kind.LIST;
      case "map" -> Kind.MAP;
      case "integer", "long" -> Kind.INTEGER;
      case "double", "float" -> Kind.DOUBLE;
      case "boolean" -> Kind.BOOLEAN;
      case "string" -> Kind.STRING;
      default -> Kind.OTHER;
    };
    if (kind == Kind.STRUCTURE) {
      members = new Member[shape.members().size()];
      byName = new HashMap<>(members.length * 2);
      List<Member> special = new ArrayList<>();
      int i = 0;
      for (String name : shape.members().keySet()) {
        Member m = new Member(this, name, i);
        members[i++] = m;
        byName.put(name, m);
        if (m.writeOnly || m.serverChosen) {
          special.add(m);
        }
      }
      this.special = List.copyOf(special);
    } else {
      members = new Member[0];
      byName = Map.of();
      special = List.of();
    }
  }

  /** The rules of a shape (null for null). */
  static ShapeRules of(Shape shape) {
    if (shape == null) {
      return null;
    }
    Map<String, ShapeRules> byShape = CACHE.computeIfAbsent(shape.model(), m -> new ConcurrentHashMap<>());
    ShapeRules r = byShape.get(shape.name());
    if (r == null) {
      // Not computeIfAbsent: building the rules of one shape may look up others.
      ShapeRules fresh = new ShapeRules(shape);
      r = byShape.putIfAbsent(shape.name(), fresh);
      if (r == null) {
        r = fresh;
      }
    }
    return r;
  }

  Member[] members() {
    return members;
  }

  Member member(String name) {
    return byName.get(name);
  }

  /** Write-only and server-chosen members of this (request) structure. */
  List<Member> special() {
    return special;
  }

  /** The element rules of a list, or the value rules of a map. */
  ShapeRules element() {
    ShapeRules e = element;
    if (e == null) {
      e = of(kind == Kind.LIST ? shape.element() : kind == Kind.MAP ? shape.value() : null);
      element = e;
    }
    return e;
  }

  /** One member of a structure. */
  static final class Member {
    final String name;
    /** Position in the model's order. */
    final int index;
    final Shape shape;
    /** The value the API assumes when it is omitted, in canonical form; null when none. */
    final JsonNode defaultValue;
    /** Elements of this list are sorted by this member ({@code ""}: the strings themselves); null when order matters. */
    final String sortKey;
    /** Elements of this list are matched by this member when diffing; null to match by position. */
    final String identity;
    /** Task-level cpu/memory: {@code "1 vCPU"} is {@code "1024"}. */
    final boolean unitForm;
    final boolean writeOnly;
    final boolean serverChosen;
    private volatile ShapeRules rules;

    private Member(ShapeRules owner, String name, int index) {
      this.name = name;
      this.index = index;
      Shape ownerShape = owner.shape;
      this.shape = ownerShape.member(name);
      this.sortKey = Canonical.sortKey(ownerShape, name);
      String id = IDENTITY.get(ownerShape.name() + "." + name);
      this.identity = id != null ? id : sortKey;
      this.unitForm = EcsDefaults.takesUnitForm(ownerShape.name(), name);
      this.writeOnly = EcsDefaults.writeOnly(ownerShape.name(), name);
      this.serverChosen = EcsDefaults.serverChosen(ownerShape.name(), name);
      JsonNode def = EcsDefaults.defaultOf(ownerShape.name(), name);
      this.defaultValue = def == null || shape == null ? null : Normalizer.scalar(def, kindOf(shape), false, name);
    }

    private static Kind kindOf(Shape s) {
      return switch (s.type()) {
        case "integer", "long" -> Kind.INTEGER;
        case "double", "float" -> Kind.DOUBLE;
        case "boolean" -> Kind.BOOLEAN;
        case "string" -> Kind.STRING;
        default -> Kind.OTHER;
      };
    }

    ShapeRules rules() {
      ShapeRules r = rules;
      if (r == null) {
        r = of(shape);
        rules = r;
      }
      return r;
    }
  }
}
