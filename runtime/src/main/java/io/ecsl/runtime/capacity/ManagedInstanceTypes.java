package io.ecsl.runtime.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.facts.ec2.InstanceTypes.InstanceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The instance type ECS Managed Instances launches for a provider, as a pure function of its
 * {@code instanceRequirements} (EC2 attribute-based selection): of the types ecsl's table knows,
 * those within the vCPU, memory and memory-per-vCPU ranges, of the allowed (or not excluded)
 * types, of the CPU manufacturers asked for, burstable only when asked. **EMU**: AWS chooses
 * among every matching type by price and availability; the simulation takes the smallest match
 * that holds the largest task waiting for it (else the smallest match), so a provider's
 * instances are all of one type and the choice is repeatable.
 */
public final class ManagedInstanceTypes {
  private ManagedInstanceTypes() {}

  /** Current-generation families first, as attribute-based selection prefers them; then older. */
  private static final List<String> FAMILIES = List.of(
      "m6i", "c6i", "r6i", "m7i", "c7i", "r7i", "m6a", "c6a", "r6a", "m7a", "c7a", "r7a",
      "m6g", "c6g", "r6g", "m7g", "c7g", "r7g", "m8g", "c8g", "r8g", "m5", "c5", "r5", "m5a", "c5a", "r5a", "t3", "t3a", "t4g");
  private static final List<String> SIZES = List.of("medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge",
      "12xlarge", "16xlarge", "24xlarge", "48xlarge");

  /**
   * The type to launch, or empty when no known type matches the requirements.
   *
   * @param cpuUnits, memoryMib the largest task waiting for the provider (0 when none)
   */
  public static Optional<InstanceType> choose(JsonNode requirements, int cpuUnits, int memoryMib) {
    List<InstanceType> matching = matching(requirements);
    Optional<InstanceType> holding = matching.stream()
        .filter(t -> t.cpuUnits() >= cpuUnits && t.memoryMib() >= memoryMib).findFirst();
    return holding.isPresent() ? holding : matching.stream().findFirst();
  }

  /** Every known type the requirements allow, smallest first. */
  public static List<InstanceType> matching(JsonNode requirements) {
    List<InstanceType> out = new ArrayList<>();
    for (String family : FAMILIES) {
      for (String size : SIZES) {
        InstanceTypes.find(family + "." + size).filter(t -> allows(requirements, family, t)).ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparingInt(InstanceType::vcpus).thenComparingInt(InstanceType::memoryMib)
        .thenComparingInt(t -> FAMILIES.indexOf(t.name().substring(0, t.name().indexOf('.')))));
    return out;
  }

  private static boolean allows(JsonNode r, String family, InstanceType t) {
    if (r == null || r.isMissingNode() || r.isNull()) {
      return !family.startsWith("t");
    }
    if (!within(r.path("vCpuCount"), t.vcpus()) || !within(r.path("memoryMiB"), t.memoryMib())
        || !within(r.path("memoryGiBPerVCpu"), t.memoryMib() / 1024.0 / t.vcpus())) {
      return false;
    }
    List<String> allowed = strings(r.path("allowedInstanceTypes"));
    if (!allowed.isEmpty() && allowed.stream().noneMatch(p -> matches(p, t.name()))) {
      return false;
    }
    if (strings(r.path("excludedInstanceTypes")).stream().anyMatch(p -> matches(p, t.name()))) {
      return false;
    }
    List<String> manufacturers = strings(r.path("cpuManufacturers"));
    if (!manufacturers.isEmpty() && !manufacturers.contains(manufacturer(family))) {
      return false;
    }
    String burstable = r.path("burstablePerformance").asText("excluded");
    boolean isBurstable = family.startsWith("t");
    return burstable.equals("included") || burstable.equals("required") == isBurstable;
  }

  private static boolean within(JsonNode range, double value) {
    return (!range.has("min") || value >= range.get("min").asDouble())
        && (!range.has("max") || value <= range.get("max").asDouble());
  }

  /** An instance type pattern as EC2 takes it: {@code m6i.*}, {@code *.large}, {@code c6i.large}. */
  static boolean matches(String pattern, String type) {
    return type.matches(pattern.replace(".", "\\.").replace("*", ".*"));
  }

  static String manufacturer(String family) {
    if (family.endsWith("g")) {
      return "amazon-web-services";
    }
    return family.endsWith("a") ? "amd" : "intel";
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }
}
