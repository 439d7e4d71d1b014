package io.ecsl.facts.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ALBRequestCountPerTarget's resource label from the two ARNs (Application Auto Scaling API reference). */
class ResourceLabelTest {
  @Test
  void joinsTheLoadBalancerAndTargetGroupArnTails() {
    String label = ResourceLabel.of("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188",
        "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-alb-target-group/943f017f100becff");
    assertEquals("app/my-alb/50dc6c495c0c9188/targetgroup/my-alb-target-group/943f017f100becff", label);
    assertTrue(ResourceLabel.isLabel(label));
  }

  @Test
  void anythingButTheTwoArnsHasNoLabel() {
    assertNull(ResourceLabel.of("my-alb", "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/tg/1"));
    assertNull(ResourceLabel.of("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/a/1", null));
    assertFalse(ResourceLabel.isLabel("net/my-nlb/1/targetgroup/tg/2"));
  }
}
