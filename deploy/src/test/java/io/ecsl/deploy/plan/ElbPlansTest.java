package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.deploy.target.Refresher;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning Elastic Load Balancing against a target that already has some of it: the ARNs of what
 * exists replace the build's placeholders, what is created keeps them for apply, what ELBv2 cannot
 * change in place is a replacement, a health check is one ModifyTargetGroup.
 */
class ElbPlansTest {
  private static final String TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067";
  private static final String LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/public/50dc6c495c0c9188";

  @TempDir Path tmp;

  private EcsModel model() throws Exception {
    Files.writeString(tmp.resolve("main.ecs"), """
        project { name = "shop" }
        cluster prod {}
        target_group web {
          protocol = HTTP; port = 8080; target_type = ip; vpc_id = "vpc-1"
          health_check { path = "/", interval = 10s }
        }
        load_balancer public { subnets = ["subnet-a", "subnet-b"] }
        listener http in public { port = 80, protocol = HTTP, forward = web }
        """);
    return TestSupport.compile(tmp);
  }

  /** The target holds the target group and the load balancer as declared, one member of the group changed. */
  private static LiveState live(EcsModel model, String member, int value) {
    LiveState live = new LiveState(false);
    for (Resource r : model.resources()) {
      String arn = switch (r.kind()) {
        case TARGET_GROUP -> TG_ARN;
        case LOAD_BALANCER -> LB_ARN;
        default -> null;
      };
      if (arn == null) {
        continue;
      }
      ObjectNode body = r.primary().body().deepCopy();
      if (r.kind() == ResourceKind.TARGET_GROUP && member != null) {
        body.put(member, value);
      }
      live.put(new LiveResource(ResourceId.of(r), Map.of(r.primary().operation(), body),
          Map.of(Refresher.OWNER_TAG, "shop"), arn, arn, Map.of()));
    }
    return live;
  }

  private static ResourcePlan find(Plan plan, String address) {
    return plan.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
  }

  @Test
  void aListenerOfExistingResourcesIsCreatedWithTheirArns() throws Exception {
    EcsModel model = model();
    Plan plan = Planner.plan(model, live(model, null, 0), "test", 5);
    assertEquals(Action.NO_CHANGE, find(plan, "target group web").action());
    assertEquals(Action.NO_CHANGE, find(plan, "load balancer public").action());
    ResourcePlan listener = find(plan, "listener public:80");
    assertEquals(Action.CREATE, listener.action());
    ObjectNode create = listener.steps().get(0).body();
    assertEquals(LB_ARN, create.path("LoadBalancerArn").asText(), create.toString());
    assertEquals(TG_ARN, create.at("/DefaultActions/0/TargetGroupArn").asText(), create.toString());
    assertTrue(create.path("Tags").toString().contains("ecsl:project"), create.toString());
    assertTrue(listener.dependsOn().containsAll(java.util.List.of("load balancer public", "target group web")),
        listener.dependsOn().toString());
  }

  @Test
  void withNothingLiveTheListenerKeepsThePlaceholdersForApply() throws Exception {
    EcsModel model = model();
    Plan plan = Planner.plan(model, new LiveState(false), "test", 5);
    ObjectNode create = find(plan, "listener public:80").steps().get(0).body();
    assertEquals("${load-balancer:public}", create.path("LoadBalancerArn").asText());
    assertEquals("${target-group:web}", create.at("/DefaultActions/0/TargetGroupArn").asText());
  }

  @Test
  void aHealthCheckChangeIsOneModifyTargetGroup() throws Exception {
    EcsModel model = model();
    ResourcePlan group = find(Planner.plan(model, live(model, "HealthCheckIntervalSeconds", 30), "test", 5), "target group web");
    assertEquals(Action.UPDATE, group.action());
    assertEquals(1, group.changes().size(), group.changes().toString());
    assertEquals("ModifyTargetGroup", group.steps().get(0).operation());
    assertEquals(TG_ARN, group.steps().get(0).body().path("TargetGroupArn").asText());
    assertEquals(10, group.steps().get(0).body().path("HealthCheckIntervalSeconds").asInt());
  }

  @Test
  void aPortChangeReplacesTheTargetGroup() throws Exception {
    EcsModel model = model();
    ResourcePlan group = find(Planner.plan(model, live(model, "Port", 9090), "test", 5), "target group web");
    assertEquals(Action.REPLACE, group.action());
    assertTrue(group.reasons().get(0).contains("`Port` cannot change in place"), group.reasons().toString());
    assertEquals("DeleteTargetGroup", group.steps().get(0).operation());
    assertEquals(TG_ARN, group.steps().get(0).body().path("TargetGroupArn").asText());
    assertEquals("CreateTargetGroup", group.steps().get(1).operation());
  }

  @Test
  void destroyDeletesWhatTheProjectOwnsByArn() throws Exception {
    EcsModel model = model();
    Plan plan = Planner.destroy(model, live(model, null, 0), "test");
    ResourcePlan lb = find(plan, "load balancer public");
    assertEquals(Action.DELETE, lb.action());
    assertEquals("DeleteLoadBalancer", lb.steps().get(0).operation());
    assertEquals(LB_ARN, lb.steps().get(0).body().path("LoadBalancerArn").asText());
  }
}
