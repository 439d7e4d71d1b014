package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static final List<String> ARNS = IntStream.range(0, 7).mapToObj(i -> "arn:aws:ecs:us-east-1:123456789012:cluster/c" + i).toList();

  /** Every item once, in order, following each response's token with the API's own field names. */
  private static List<String> walk(Paging paging, List<?> all, int size, String listField) {
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ObjectNode request = Json.object();
      request.put(paging.sizeField(), size);
      Json.putIfPresent(request, paging.tokenField(), token);
      ObjectNode response = Pages.response(paging, request, all, listField, 100, 100);
      assertTrue(response.get(listField).size() <= size);
      response.get(listField).forEach(item -> seen.add(item.isTextual() ? item.asText() : item.get("name").asText()));
      token = Json.text(response, paging.tokenField());
      pages++;
    } while (token != null);
    assertEquals((all.size() + size - 1) / size, pages, "pages of " + size);
    return seen;
  }

  @Test
  void eachApiPagesWithItsOwnFieldNames() {
    assertEquals(ARNS, walk(Paging.ECS, ARNS, 3, "clusterArns"));
    List<JsonNode> rules = ARNS.stream().map(a -> (JsonNode) Json.parse("{\"name\": \"" + a + "\"}")).toList();
    assertEquals(ARNS, walk(Paging.EVENTS, rules, 2, "Rules"));
    assertEquals(ARNS, walk(Paging.APPLICATION_AUTO_SCALING, rules, 7, "ScalableTargets"));
    assertEquals(ARNS, walk(Paging.CLOUD_MAP, rules, 1, "Namespaces"));
  }

  @Test
  void theLastPageHasNoTokenAndAnEmptyListIsOnePage() {
    ObjectNode last = Pages.response(Paging.ECS, Json.object(), ARNS, "clusterArns", 10, 100);
    assertEquals(7, last.get("clusterArns").size());
    assertFalse(last.has("nextToken"));
    ObjectNode empty = Pages.response(Paging.EVENTS, Json.object(), List.of(), "Targets", 100, 100);
    assertEquals("{\"Targets\":[]}", Json.write(empty));
  }

  @Test
  void aSizeOutOfRangeOrAForeignTokenIsTheApisOwnError() {
    ObjectNode tooMany = Json.object().put("MaxResults", 51);
    ApiException size = assertThrows(ApiException.class,
        () -> Pages.response(Paging.APPLICATION_AUTO_SCALING, tooMany, ARNS, "ScalingPolicies", 50, 50));
    assertEquals("ValidationException", size.type());
    ObjectNode foreign = Json.object().put("NextToken", "not-ours");
    ApiException token = assertThrows(ApiException.class,
        () -> Pages.response(Paging.CLOUD_MAP, foreign, ARNS, "Namespaces", 100, 100));
    assertEquals("InvalidInput", token.type());
    ObjectNode limit = Json.object().put("Limit", 0);
    assertEquals("ValidationException",
        assertThrows(ApiException.class, () -> Pages.response(Paging.EVENTS, limit, ARNS, "Rules", 100, 100)).type());
  }
}
