package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.diff.Masking;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tag changes in a plan: shown per key, except values under a secret-looking key, like env vars. */
class TagsTest {
  @Test
  void aTagNamedLikeASecretIsMaskedAndOthersAreShown() {
    List<FieldChange> changes = Tags.diff(Map.of("api_token", "hunter2", "team", "web"),
        Map.of("api_token", "s3cr3t-NEW", "team", "shop"), "tags");
    assertEquals(2, changes.size());
    FieldChange token = changes.get(0);
    assertEquals("tags[api_token]", token.path());
    assertTrue(token.sensitive());
    assertEquals("\"" + Masking.MASK + "\"", token.before().toString());
    assertEquals("\"" + Masking.MASK + "\"", token.after().toString());
    assertFalse(changes.toString().contains("hunter2") || changes.toString().contains("s3cr3t"), changes.toString());
    assertEquals("tags[team]", changes.get(1).path());
    assertEquals("\"shop\"", changes.get(1).after().toString());
  }

  @Test
  void requestBodiesMaskTheValueOfASecretNamedTag() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("tags").addObject().put("key", "api_token").put("value", "hunter2");
    assertEquals("{\"tags\":[{\"key\":\"api_token\",\"value\":\"" + Masking.MASK + "\"}]}",
        Masking.maskSecretNames(body).toString());
  }
}
