package io.ecsl.runtime.capacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulated Auto Scaling group does to reach its desired capacity, as a pure function:
 * which Availability Zones its new instances go to (the zone with the fewest, in the group's
 * order, as the Auto Scaling group balances them) and which instances it terminates (**EMU** of
 * the default termination policy: the zone with the most instances first, then an instance with
 * no task, then the oldest; never one protected from scale-in).
 */
public final class GroupPlan {
  private GroupPlan() {}

  /** An in-service instance of the group. */
  public record Member(String ec2InstanceId, String zone, Instant launchedAt, boolean hasTasks, boolean protectedFromScaleIn) {}

  /** Instances to launch (one zone each) and to terminate (by id). */
  public record Changes(List<String> launchInZones, List<String> terminate) {
    public boolean none() {
      return launchInZones.isEmpty() && terminate.isEmpty();
    }
  }

  public static Changes plan(List<String> zones, List<Member> inService, int desired) {
    Map<String, Integer> perZone = new LinkedHashMap<>();
    zones.forEach(z -> perZone.put(z, 0));
    inService.forEach(m -> perZone.merge(m.zone(), 1, Integer::sum));
    List<String> launches = new ArrayList<>();
    for (int n = inService.size(); n < desired; n++) {
      String zone = zones.stream().min(Comparator.comparingInt(perZone::get)).orElseThrow();
      perZone.merge(zone, 1, Integer::sum);
      launches.add(zone);
    }
    List<String> terminate = new ArrayList<>();
    List<Member> candidates = new ArrayList<>(inService.stream().filter(m -> !m.protectedFromScaleIn()).toList());
    for (int n = inService.size(); n > desired && !candidates.isEmpty(); n--) {
      Member victim = candidates.stream().min(Comparator
          .comparing((Member m) -> -perZone.getOrDefault(m.zone(), 0))
          .thenComparing(Member::hasTasks)
          .thenComparing(Member::launchedAt)
          .thenComparing(Member::ec2InstanceId)).orElseThrow();
      candidates.remove(victim);
      perZone.merge(victim.zone(), -1, Integer::sum);
      terminate.add(victim.ec2InstanceId());
    }
    return new Changes(launches, terminate);
  }
}
