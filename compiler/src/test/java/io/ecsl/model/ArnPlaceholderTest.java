package io.ecsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholder of an ARN that exists only once created: its text, parsing and replacement. */
class ArnPlaceholderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void textAndParseAreInverse() {
    String text = ArnPlaceholder.of(ResourceKind.LISTENER, "public:80");
    assertEquals("${listener:public:80}", text);
    assertEquals(new ArnPlaceholder(ResourceKind.LISTENER, "public:80"), ArnPlaceholder.parse(text));
    assertEquals(new ArnPlaceholder(ResourceKind.LISTENER_RULE, "public:80:10"), ArnPlaceholder.parse("${listener-rule:public:80:10}"));
  }

  @Test
  void anArnANameOrAnUnknownKindIsNoPlaceholder() {
    assertNull(ArnPlaceholder.parse("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/6d0ecf831eec9f09"));
    assertNull(ArnPlaceholder.parse("web"));
    assertNull(ArnPlaceholder.parse("${bucket:web}"));
    assertNull(ArnPlaceholder.parse("${target-group:}"));
    assertNull(ArnPlaceholder.parse("prefix ${target-group:web}"));
  }

  @Test
  void resolveReplacesKnownPlaceholdersEverywhereAndLeavesTheInputAlone() throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree("""
        {"LoadBalancerArn": "${load-balancer:public}",
         "DefaultActions": [{"ForwardConfig": {"TargetGroups": [
           {"TargetGroupArn": "${target-group:web}"}, {"TargetGroupArn": "${target-group:green}"}]}}]}""");
    Map<ArnPlaceholder, String> arns = Map.of(new ArnPlaceholder(ResourceKind.LOAD_BALANCER, "public"), "arn:lb",
        new ArnPlaceholder(ResourceKind.TARGET_GROUP, "web"), "arn:web");
    ObjectNode resolved = ArnPlaceholder.resolve(body, arns::get);
    assertEquals("arn:lb", resolved.path("LoadBalancerArn").asText());
    assertEquals("arn:web", resolved.at("/DefaultActions/0/ForwardConfig/TargetGroups/0/TargetGroupArn").asText());
    assertEquals("${target-group:green}", resolved.at("/DefaultActions/0/ForwardConfig/TargetGroups/1/TargetGroupArn").asText());
    assertEquals("${load-balancer:public}", body.path("LoadBalancerArn").asText());
    assertEquals(List.of(new ArnPlaceholder(ResourceKind.LOAD_BALANCER, "public"), new ArnPlaceholder(ResourceKind.TARGET_GROUP, "web"),
        new ArnPlaceholder(ResourceKind.TARGET_GROUP, "green")), ArnPlaceholder.distinct(body));
    assertEquals("/DefaultActions/0/ForwardConfig/TargetGroups/1/TargetGroupArn",
        List.copyOf(ArnPlaceholder.in(body).keySet()).get(2));
  }
}
