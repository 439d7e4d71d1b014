package io.ecsl.runtime.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeploymentMathTest {

  @Test
  void minimumHealthyRoundsUpAndMaximumRoundsDownAsTheEcsDocsExamples() {
    assertEquals(2, DeploymentMath.minimumHealthy(4, 50), "desired 4, min 50% may stop 2");
    assertEquals(2, DeploymentMath.minimumHealthy(2, 75), "desired 2, min 75% rounds up to 2");
    assertEquals(8, DeploymentMath.maximumTasks(4, 200), "desired 4, max 200%");
    assertEquals(3, DeploymentMath.maximumTasks(3, 125), "desired 3, max 125% rounds down to 3");
    assertEquals(0, DeploymentMath.minimumHealthy(0, 100));
  }

  @Test
  void circuitBreakerThresholdIsHalfTheDesiredCountClampedToThreeAndTwoHundred() {
    assertEquals(3, DeploymentMath.circuitBreakerThreshold(1, null, null));
    assertEquals(3, DeploymentMath.circuitBreakerThreshold(5, null, null));
    assertEquals(4, DeploymentMath.circuitBreakerThreshold(7, null, null));
    assertEquals(13, DeploymentMath.circuitBreakerThreshold(25, null, null));
    assertEquals(200, DeploymentMath.circuitBreakerThreshold(800, null, null));
    assertEquals(7, DeploymentMath.circuitBreakerThreshold(4, "COUNT", 7));
    assertEquals(1, DeploymentMath.circuitBreakerThreshold(4, "UNBOUNDED_PERCENT", 25));
  }

  @Test
  void launchBackoffDoublesFromOneSecondUpToFifteenMinutes() {
    assertEquals(Duration.ZERO, LaunchBackoff.after(0));
    assertEquals(Duration.ofSeconds(1), LaunchBackoff.after(1));
    assertEquals(Duration.ofSeconds(8), LaunchBackoff.after(4));
    assertEquals(Duration.ofMinutes(15), LaunchBackoff.after(11));
    assertEquals(Duration.ofMinutes(15), LaunchBackoff.after(100));
  }
}
