package io.ecsl.runtime.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A task placement strategy (ecs-semantics §3.5): {@code binpack} on cpu or memory, {@code spread}
 * on {@code instanceId} ({@code host}) or an attribute, {@code random}. Strategies apply in list
 * order, each breaking the ties of the one before.
 */
public sealed interface PlacementStrategy {
  /** ECS takes at most five strategies per service or RunTask (the API model's limit). */
  int MAX = 5;

  /** The default for services and RunTask: spread across Availability Zones, then across instances. */
  List<PlacementStrategy> DEFAULT = List.of(new Spread("attribute:" + InstanceInfo.AVAILABILITY_ZONE),
      new Spread(Spread.INSTANCE_ID));

  /** Places a task where the least of {@code resource} remains (and it still fits). */
  record Binpack(Resource resource) implements PlacementStrategy {}

  /** Balances the task group's tasks across the values of {@code field}. */
  record Spread(String field) implements PlacementStrategy {
    public static final String INSTANCE_ID = "instanceId";

    public Spread {
      field = "host".equals(field) ? INSTANCE_ID : field;
    }

    public boolean byInstance() {
      return INSTANCE_ID.equals(field);
    }

    /** The attribute name of an {@code attribute:NAME} field. */
    public String attribute() {
      return field.substring("attribute:".length());
    }
  }

  /** Any instance that fits. */
  record Random() implements PlacementStrategy {}

  /** What binpack packs. */
  enum Resource {
    CPU,
    MEMORY
  }

  /**
   * One strategy as the API writes it ({@code type}, {@code field}); throws
   * {@link IllegalArgumentException} with ECS's reason when it is not one ECS accepts.
   */
  static PlacementStrategy of(String type, String field) {
    if (type == null) {
      throw new IllegalArgumentException("A placement strategy needs a type: binpack, spread or random.");
    }
    return switch (type) {
      case "binpack" -> {
        String resource = field == null ? "" : field.toLowerCase(Locale.ROOT);
        if (!resource.equals("cpu") && !resource.equals("memory")) {
          throw new IllegalArgumentException("Invalid field for binpack placement strategy: " + field
              + ". Use cpu or memory.");
        }
        yield new Binpack(resource.equals("cpu") ? Resource.CPU : Resource.MEMORY);
      }
      case "spread" -> {
        if (field == null || field.isEmpty()) {
          throw new IllegalArgumentException("The spread placement strategy needs a field: instanceId, host or"
              + " attribute:NAME (for example attribute:ecs.availability-zone).");
        }
        if (!field.equals("instanceId") && !field.equals("host") && !field.startsWith("attribute:")) {
          throw new IllegalArgumentException("Invalid field for spread placement strategy: " + field
              + ". Use instanceId, host or attribute:NAME.");
        }
        yield new Spread(field);
      }
      case "random" -> {
        if (field != null && !field.isEmpty()) {
          throw new IllegalArgumentException("The random placement strategy takes no field; remove field " + field
              + ".");
        }
        yield new Random();
      }
      default -> throw new IllegalArgumentException("Invalid placement strategy type: " + type
          + ". Use binpack, spread or random.");
    };
  }

  /** The strategies of a request, or {@link #DEFAULT} when there are none. */
  static List<PlacementStrategy> orDefault(List<PlacementStrategy> given) {
    return given == null || given.isEmpty() ? DEFAULT : given;
  }

  /** Checks the list's size; returns a copy. */
  static List<PlacementStrategy> list(List<PlacementStrategy> strategies) {
    if (strategies.size() > MAX) {
      throw new IllegalArgumentException("At most " + MAX + " placement strategies can be given; got "
          + strategies.size() + ".");
    }
    return List.copyOf(new ArrayList<>(strategies));
  }
}
