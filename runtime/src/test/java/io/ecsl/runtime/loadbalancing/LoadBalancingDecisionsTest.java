package io.ecsl.runtime.loadbalancing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure decisions: health transitions, target choice, weighted split, rule matching, drain completion. */
class LoadBalancingDecisionsTest {
  private static final TargetHealth.Check FAIL = TargetHealth.Check.codeMismatch(500);

  @Test
  void aNewTargetNeedsOnePassButARecoveringOneTheHealthyThreshold() {
    TargetHealth fresh = TargetHealth.registered();
    assertEquals("healthy", fresh.after(TargetHealth.Check.PASSED, 5, 2).state());
    TargetHealth once = fresh.after(FAIL, 5, 2);
    assertEquals("initial", once.state());
    assertEquals("Elb.InitialHealthChecking", once.reason());
    TargetHealth unhealthy = once.after(FAIL, 5, 2);
    assertEquals("unhealthy", unhealthy.state());
    assertEquals("Target.ResponseCodeMismatch", unhealthy.reason());
    TargetHealth recovering = unhealthy;
    for (int i = 0; i < 4; i++) {
      recovering = recovering.after(TargetHealth.Check.PASSED, 5, 2);
      assertEquals("unhealthy", recovering.state(), "pass " + (i + 1) + " of 5");
    }
    assertEquals("healthy", recovering.after(TargetHealth.Check.PASSED, 5, 2).state());
    TargetHealth healthy = fresh.after(TargetHealth.Check.PASSED, 5, 2);
    assertEquals("healthy", healthy.after(FAIL, 5, 3).after(FAIL, 5, 3).state(), "two of three failures");
    assertEquals("unhealthy", healthy.after(FAIL, 5, 3).after(FAIL, 5, 3).after(FAIL, 5, 3).state());
    assertEquals("draining", TargetHealth.draining().after(FAIL, 5, 2).state(), "draining targets are not judged");
  }

  private static TargetSelector.Candidate candidate(String key, String state) {
    return new TargetSelector.Candidate(key, state, "127.0.0.1", 1);
  }

  @Test
  void onlyHealthyTargetsAreChosenAndAllUnhealthyFailsOpen() {
    List<TargetSelector.Candidate> mixed = List.of(candidate("a", "healthy"), candidate("b", "initial"),
        candidate("c", "unhealthy"), candidate("d", "draining"), candidate("e", "healthy"));
    assertEquals("a", TargetSelector.choose(mixed, "round_robin", 0, k -> 0).key());
    assertEquals("e", TargetSelector.choose(mixed, "round_robin", 1, k -> 0).key());
    assertEquals("a", TargetSelector.choose(mixed, "round_robin", 2, k -> 0).key());
    List<TargetSelector.Candidate> sick = List.of(candidate("a", "unhealthy"), candidate("b", "draining"));
    assertEquals("a", TargetSelector.choose(sick, "round_robin", 7, k -> 0).key(), "fail open");
    assertNull(TargetSelector.choose(List.of(candidate("b", "initial"), candidate("d", "draining")), "round_robin",
        0, k -> 0));
    assertNull(TargetSelector.choose(List.of(), "round_robin", 0, k -> 0));
  }

  @Test
  void leastOutstandingRequestsPicksTheLeastBusy() {
    List<TargetSelector.Candidate> targets = List.of(candidate("a", "healthy"), candidate("b", "healthy"),
        candidate("c", "healthy"));
    Map<String, Integer> busy = Map.of("a", 3, "b", 1, "c", 2);
    assertEquals("b", TargetSelector.choose(targets, "least_outstanding_requests", 0, busy::get).key());
    assertEquals("b", TargetSelector.choose(targets, "least_outstanding_requests", 2, busy::get).key());
  }

  @Test
  void weightsSplitExactlyOverACycle() {
    int[] counts = new int[2];
    for (int i = 0; i < 100; i++) {
      counts[TargetSelector.weightedGroup(new int[] {80, 20}, i)]++;
    }
    assertEquals(80, counts[0]);
    assertEquals(20, counts[1]);
    assertEquals(1, TargetSelector.weightedGroup(new int[] {0, 5}, 3));
    assertEquals(-1, TargetSelector.weightedGroup(new int[] {0, 0}, 3));
  }

  /** A canary's share shows in a short burst of requests too, as curl in a loop would see it. */
  @Test
  void weightsInterleaveWithinACycle() {
    for (int start = 0; start < 100; start++) {
      int canary = 0;
      for (int i = start; i < start + 10; i++) {
        canary += TargetSelector.weightedGroup(new int[] {80, 20}, i);
      }
      assertTrue(canary >= 1 && canary <= 3, "requests " + start + ".." + (start + 9) + " sent " + canary + " to the 20 % group");
    }
    int[] counts = new int[3];
    for (int i = 7; i < 7 + 1000; i++) {
      counts[TargetSelector.weightedGroup(new int[] {900, 95, 5}, i)]++;
    }
    assertEquals(List.of(900, 95, 5), List.of(counts[0], counts[1], counts[2]), "exact over any whole cycle");
  }

  @Test
  void rulesMatchPathsCaseSensitivelyAndHostsAndHeadersNot() {
    var conditions = Json.parse("""
        [{"Field":"path-pattern","PathPatternConfig":{"Values":["/api/*","/v?/x"]}},
         {"Field":"host-header","HostHeaderConfig":{"Values":["*.Example.com"]}},
         {"Field":"http-header","HttpHeaderConfig":{"HttpHeaderName":"X-Env","Values":["blue*"]}}]""");
    Map<String, List<String>> headers = Map.of("x-env", List.of("Blue-1"));
    assertTrue(RuleMatcher.matches(conditions, new RuleMatcher.Request("GET", "shop.example.COM:8080", "/api/a",
        headers, Map.of())));
    assertTrue(RuleMatcher.matches(conditions, new RuleMatcher.Request("GET", "a.example.com", "/v2/x", headers,
        Map.of())));
    assertFalse(RuleMatcher.matches(conditions, new RuleMatcher.Request("GET", "a.example.com", "/API/a", headers,
        Map.of())), "paths are case-sensitive");
    assertFalse(RuleMatcher.matches(conditions, new RuleMatcher.Request("GET", "example.org", "/api/a", headers,
        Map.of())));
    assertFalse(RuleMatcher.matches(conditions, new RuleMatcher.Request("GET", "a.example.com", "/api/a", Map.of(),
        Map.of())), "the header is missing");
    var query = Json.parse("""
        [{"Field":"query-string","QueryStringConfig":{"Values":[{"Key":"v","Value":"2*"}]}},
         {"Field":"http-request-method","HttpRequestMethodConfig":{"Values":["POST"]}}]""");
    assertTrue(RuleMatcher.matches(query, new RuleMatcher.Request("POST", null, "/", Map.of(),
        Map.of("v", List.of("21")))));
    assertFalse(RuleMatcher.matches(query, new RuleMatcher.Request("GET", null, "/", Map.of(),
        Map.of("v", List.of("21")))));
  }

  @Test
  void drainingEndsWhenIdleAfterTheMinimumOrAtTheDelay() {
    Instant since = Instant.parse("2026-01-01T00:00:00Z");
    Duration delay = Duration.ofSeconds(300);
    assertFalse(LoadBalancing.drained(since, delay, 0, since.plusMillis(500)), "not before the minimum drain");
    assertTrue(LoadBalancing.drained(since, delay, 0, since.plusSeconds(1)));
    assertFalse(LoadBalancing.drained(since, delay, 2, since.plusSeconds(299)), "requests in flight");
    assertTrue(LoadBalancing.drained(since, delay, 2, since.plusSeconds(300)), "the delay cuts them off");
    assertTrue(LoadBalancing.drained(since, Duration.ZERO, 3, since), "a delay of 0 ends at once");
  }

  @Test
  void matchersTakeCodesListsAndRanges() {
    assertTrue(HttpCodeMatcher.matches("200", 200));
    assertTrue(HttpCodeMatcher.matches("200,202", 202));
    assertTrue(HttpCodeMatcher.matches("200-299", 204));
    assertFalse(HttpCodeMatcher.matches("200-299", 301));
    assertNull(HttpCodeMatcher.problem("200-399", 200, 499));
    assertEquals("must use codes from 200 to 499", HttpCodeMatcher.problem("200-599", 200, 499));
  }
}
