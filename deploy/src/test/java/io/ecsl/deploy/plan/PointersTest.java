package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Copy-on-write edits of requests: the planner never changes a declared or live document (they
 * are shared with the model and the live state), it copies only the containers on the way.
 */
class PointersTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static ObjectNode json(String s) throws Exception {
    return (ObjectNode) M.readTree(s.replace('\'', '"'));
  }

  @Test
  void withCopiesOnlyThePathAndLeavesTheInputAlone() throws Exception {
    ObjectNode doc = json("{'a':{'b':1,'c':[{'image':'x'},{'image':'y'}]},'d':{'e':2}}");
    String before = doc.toString();
    ObjectNode out = Pointers.with(doc, "/a/c/1/image", TextNode.valueOf("z"));
    assertEquals(before, doc.toString());
    assertEquals("{\"a\":{\"b\":1,\"c\":[{\"image\":\"x\"},{\"image\":\"z\"}]},\"d\":{\"e\":2}}", out.toString());
    assertSame(doc.get("d"), out.get("d"), "a subtree off the path is shared, not copied");
    assertSame(doc.path("a").path("c").get(0), out.path("a").path("c").get(0));
  }

  @Test
  void withRemovesAMemberAndIgnoresMissingParents() throws Exception {
    ObjectNode doc = json("{'desiredCount':3,'x':1}");
    assertEquals("{\"x\":1}", Pointers.with(doc, "/desiredCount", null).toString());
    assertSame(doc, Pointers.with(doc, "/missing/deeper", TextNode.valueOf("v")));
    assertSame(doc, Pointers.with(doc, "/absent", null));
    assertEquals("{\"desiredCount\":3,\"x\":1,\"added\":\"v\"}", Pointers.with(doc, "/added", TextNode.valueOf("v")).toString());
  }

  @Test
  void withoutPrunesWhatTheRemovalLeavesEmpty() throws Exception {
    ObjectNode doc = json("{'deploymentConfiguration':{'maximumPercent':150},'desiredCount':2}");
    JsonNode out = Pointers.without(doc, "/deploymentConfiguration/maximumPercent");
    assertEquals("{\"desiredCount\":2}", out.toString());
    assertEquals("{}", Pointers.without(json("{'a':{'b':1}}"), "/a/b").toString());
  }
}
