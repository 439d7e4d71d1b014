package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.apply.ApplyListener;
import io.ecsl.deploy.apply.ApplyResult;
import io.ecsl.deploy.apply.Applier;
import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.NeedsMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EventBridge Scheduler schedules ({@code via = scheduler}) planned and applied against moto_server,
 * which implements Scheduler: created, then unchanged, updated in place, replaced when they move to
 * another group, and deleted when no longer declared (found by the owner tag ecsl writes among
 * the target's task tags, as schedules take no tags).
 */
@NeedsMoto
class SchedulerPlansTest {
  @TempDir Path dir;

  private static final String HEAD = """
      project { name = "jobs", account_id = "123456789012", region = "us-east-1" }
      cluster jobs {}
      task report { network = bridge
        container app { image = "busybox:1.36", memory = 64 MiB } }
      """;

  private static String schedule(String name, String extra) {
    return "schedule " + name + " {\n  via = scheduler\n  cluster = jobs\n  task = report\n"
        + "  role = \"arn:aws:iam::123456789012:role/scheduler\"\n  expression = cron(\"0 3 * * ? *\")\n"
        + "  timezone = \"Europe/Paris\"\n" + extra + "}\n";
  }

  private EcsModel compile(String source) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), source);
    return TestSupport.compile(dir);
  }

  private static Map<String, Action> actions(Plan plan) {
    Map<String, Action> out = new TreeMap<>();
    plan.resources().forEach(r -> out.put(r.id().address(), r.action()));
    return out;
  }

  private static void apply(SdkAwsApi api, Plan plan) {
    ApplyResult result = new Applier(api, new Applier.Options(false, Duration.ofSeconds(5), Duration.ZERO, 2))
        .apply(plan, ApplyListener.NONE);
    assertEquals(List.of(), result.failed());
  }

  @Test
  void schedulesAreCreatedUpdatedReplacedAndDeleted() throws Exception {
    try (MotoServer moto = MotoServer.startRelaxed(); SdkAwsApi api = TestSupport.api(moto)) {
      EcsModel first = compile(HEAD + schedule("nightly", "  flexible_window = 15m\n  start = \"2027-01-06T00:00:00Z\"\n")
          + schedule("weekly", ""));
      Plan create = Deployer.plan(first, api, "moto", 5);
      assertEquals(Action.CREATE, actions(create).get("schedule nightly"), actions(create).toString());
      apply(api, create);
      JsonNode live = api.call("scheduler", "GetSchedule", io.ecsl.deploy.plan.PlanContext.obj().put("Name", "nightly"));
      assertEquals("Europe/Paris", live.path("ScheduleExpressionTimezone").asText());
      assertEquals("jobs", live.at("/Target/EcsParameters/Tags/0/ecsl:project").asText(), "the owner mark");

      Plan again = Deployer.plan(first, api, "moto", 5);
      assertFalse(again.hasChanges(), "a plan after apply has changes: " + actions(again));

      EcsModel wider = compile(HEAD + schedule("nightly", "  flexible_window = 30m\n  start = \"2027-01-06T00:00:00Z\"\n")
          + schedule("weekly", "  group = \"batch\"\n"));
      Plan update = Deployer.plan(wider, api, "moto", 5);
      assertEquals(Action.UPDATE, actions(update).get("schedule nightly"));
      assertTrue(update.resources().stream().filter(r -> r.id().address().equals("schedule nightly"))
          .flatMap(r -> r.changes().stream()).anyMatch(c -> c.path().equals("FlexibleTimeWindow.MaximumWindowInMinutes")));
      assertEquals(Action.REPLACE, actions(update).get("schedule weekly"), "another group is another schedule");
      api.call("scheduler", "CreateScheduleGroup", io.ecsl.deploy.plan.PlanContext.obj().put("Name", "batch"));
      apply(api, update);
      assertEquals(30, api.call("scheduler", "GetSchedule", io.ecsl.deploy.plan.PlanContext.obj().put("Name", "nightly"))
          .at("/FlexibleTimeWindow/MaximumWindowInMinutes").asInt());
      assertFalse(Deployer.plan(wider, api, "moto", 5).hasChanges());

      EcsModel fewer = compile(HEAD + schedule("nightly", "  flexible_window = 30m\n  start = \"2027-01-06T00:00:00Z\"\n"));
      Plan delete = Deployer.plan(fewer, api, "moto", 5);
      assertEquals(Action.DELETE, actions(delete).get("schedule weekly"), actions(delete).toString());
      apply(api, delete);
      assertEquals(1, api.call("scheduler", "ListSchedules", io.ecsl.deploy.plan.PlanContext.obj()).path("Schedules").size());
    }
  }

  @Test
  void utcWrittenOrLeftOutIsTheSameTimeZone() throws Exception {
    // Scheduler answers "UTC" for a schedule created without a time zone; a declaration that writes
    // "UTC" and one that leaves it out must both plan clean after apply.
    String explicit = "schedule explicit {\n  via = scheduler\n  cluster = jobs\n  task = report\n"
        + "  role = \"arn:aws:iam::123456789012:role/scheduler\"\n  expression = rate(1h)\n  timezone = \"UTC\"\n}\n";
    String implicit = explicit.replace("explicit", "implicit").replace("  timezone = \"UTC\"\n", "");
    try (MotoServer moto = MotoServer.startRelaxed(); SdkAwsApi api = TestSupport.api(moto)) {
      EcsModel model = compile(HEAD + explicit + implicit);
      apply(api, Deployer.plan(model, api, "moto", 5));
      Plan again = Deployer.plan(model, api, "moto", 5);
      assertFalse(again.hasChanges(), "a plan after apply has changes: " + actions(again));
      assertEquals(2, api.call("scheduler", "ListSchedules", io.ecsl.deploy.plan.PlanContext.obj()).path("Schedules").size());
    }
  }
}
