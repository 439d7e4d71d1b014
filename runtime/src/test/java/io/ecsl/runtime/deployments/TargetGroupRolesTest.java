package io.ecsl.runtime.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.DeploymentEntity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which target group each revision registers in: the alternate for a staged deployment, roles swapping after it. */
class TargetGroupRolesTest {
  private static final JsonNode ENTRIES = Json.parse("[{\"targetGroupArn\":\"tg/blue\",\"containerName\":\"app\","
      + "\"containerPort\":80,\"advancedConfiguration\":{\"alternateTargetGroupArn\":\"tg/green\"}},"
      + "{\"targetGroupArn\":\"tg/other\",\"containerName\":\"app\",\"containerPort\":81}]");

  private static DeploymentEntity deployment(List<String> groups) {
    DeploymentEntity d = new DeploymentEntity();
    d.targetGroupArns = groups;
    return d;
  }

  @Test
  void aStagedDeploymentTakesTheGroupTheRunningRevisionDoesNotUse() {
    List<String> first = TargetGroupRoles.of(ENTRIES, deployment(null), true);
    assertEquals(List.of("tg/green", "tg/other"), first, "an entry without an alternate keeps its group");
    List<String> second = TargetGroupRoles.of(ENTRIES, deployment(first), true);
    assertNull(second, "back to each entry's own group");
    assertEquals("tg/blue", TargetGroupRoles.of(ENTRIES, second, 0));
  }

  @Test
  void aRollingDeploymentKeepsTheGroupsOfTheOneItReplaces() {
    assertEquals(List.of("tg/green", "tg/other"),
        TargetGroupRoles.of(ENTRIES, deployment(List.of("tg/green", "tg/other")), false));
    assertNull(TargetGroupRoles.of(ENTRIES, null, true), "the first deployment uses the entries' own groups");
    assertNull(TargetGroupRoles.of(ENTRIES, deployment(List.of("tg/gone", "tg/other")), false),
        "a group the entry no longer names falls back to its own");
  }
}
