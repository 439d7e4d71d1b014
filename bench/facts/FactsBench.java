import io.ecsl.facts.capacity.CapacityProviderStrategy;
import io.ecsl.facts.capacity.StrategyItem;
import io.ecsl.facts.query.ClusterQuery;
import io.ecsl.facts.query.InstanceSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared ECS facts' hot paths for the scheduler to come: evaluating a memberOf expression on
 * one container instance (done once per instance per placement), parsing one, and splitting tasks
 * across capacity providers. Run: bench/facts/run.sh (builds facts, then runs this file).
 */
public final class FactsBench {
  private static final String QUERY = "attribute:ecs.instance-type =~ m6i.* and attribute:ecs.availability-zone in"
      + " [us-east-1a, us-east-1b] and not(task:group == service:db) and runningTasksCount < 20";

  record Instance(Map<String, String> attributes, String ec2InstanceId, Instant registeredAt, int runningTasksCount,
      Collection<String> taskGroups, boolean agentConnected, String agentVersion) implements InstanceSnapshot {
    @Override
    public Optional<String> attribute(String name) {
      return Optional.ofNullable(attributes.get(name));
    }
  }

  /** Thread CPU time: the figures hold on a busy machine, where wall time would measure the queue. */
  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    List<Instance> fleet = new ArrayList<>();
    String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
    for (int i = 0; i < instances; i++) {
      fleet.add(new Instance(Map.of("ecs.instance-type", i % 2 == 0 ? "m6i.large" : "c6i.large",
          "ecs.availability-zone", zones[i % 3], "ecs.os-type", "linux"), "i-" + i, Instant.EPOCH, i % 25,
          i % 7 == 0 ? List.of("service:db", "service:web") : List.of("service:web"), true, "1.80.0"));
    }
    ClusterQuery query = ClusterQuery.parse(QUERY);
    CapacityProviderStrategy strategy = CapacityProviderStrategy.of(new StrategyItem("FARGATE", 2, 1),
        StrategyItem.weighted("FARGATE_SPOT", 3), StrategyItem.weighted("EXTRA", 2));
    // the best of several rounds: the first ones include compiling, and a busy machine only adds time
    double evaluation = Double.MAX_VALUE;
    double parse = Double.MAX_VALUE;
    double split = Double.MAX_VALUE;
    long checksum = 0;
    for (int round = 0; round < 9; round++) {
      int passes = 200;
      long t0 = cpu();
      for (int p = 0; p < passes; p++) {
        for (Instance i : fleet) {
          checksum += query.matches(i) ? 1 : 0;
        }
      }
      evaluation = Math.min(evaluation, (cpu() - t0) / (double) (passes * fleet.size()));
      int parses = 20_000;
      t0 = cpu();
      for (int p = 0; p < parses; p++) {
        checksum += ClusterQuery.parse(QUERY).conditions().size();
      }
      parse = Math.min(parse, (cpu() - t0) / 1000.0 / parses);
      t0 = cpu();
      checksum += strategy.launches(Map.of(), 5000).size();
      split = Math.min(split, (cpu() - t0) / 1e6);
    }
    System.out.printf("%-52s %s%n", "measure (thread CPU time, best of 9 rounds)", "result");
    System.out.printf("%-52s %.0f ns (%,.0f per second)%n", "memberOf evaluation, 4 conditions, per instance", evaluation,
        1e9 / evaluation);
    System.out.printf("%-52s %.1f us%n", "parse of that expression", parse);
    System.out.printf("%-52s %.2f ms%n", "5,000 task launches split over 3 providers", split);
    System.out.printf("%-52s %d%n", "(checksum)", checksum);
  }
}
