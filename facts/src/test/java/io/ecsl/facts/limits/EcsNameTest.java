package io.ecsl.facts.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EcsNameTest {
  @Test
  void resourceNamesAreOneTo255LettersDigitsUnderscoresAndHyphens() {
    for (EcsName kind : new EcsName[] {EcsName.TASK_DEFINITION_FAMILY, EcsName.CONTAINER, EcsName.SERVICE,
        EcsName.CLUSTER, EcsName.VOLUME, EcsName.CAPACITY_PROVIDER}) {
      assertTrue(kind.isValid("web_2-A"), kind.name());
      assertTrue(kind.isValid("w".repeat(255)), kind.name());
      assertFalse(kind.isValid("w".repeat(256)), kind.name());
      assertFalse(kind.isValid(""), kind.name());
      assertFalse(kind.isValid("web.app"), kind.name());
      assertFalse(kind.isValid("web app"), kind.name());
      assertFalse(kind.isValid(null), kind.name());
      assertEquals("1–255 letters, digits, `_` or `-`", kind.describe());
    }
  }

  @Test
  void capacityProviderNamesMayNotTakeAwsPrefixes() {
    assertEquals("aws", EcsName.CAPACITY_PROVIDER.reservedPrefix("AWSfleet"));
    assertEquals("fargate", EcsName.CAPACITY_PROVIDER.reservedPrefix("fargate-extra"));
    assertFalse(EcsName.CAPACITY_PROVIDER.isValid("ecs-fleet"));
    assertTrue(EcsName.CAPACITY_PROVIDER.isValid("fleet-ecs"));
    assertNull(EcsName.CLUSTER.reservedPrefix("ecs-prod"));
    assertTrue(EcsName.CLUSTER.isValid("ecs-prod"));
  }

  @Test
  void portMappingNamesAreLowercaseAndDoNotStartWithAHyphen() {
    assertTrue(EcsName.PORT_MAPPING.isValid("http_2-alt"));
    assertTrue(EcsName.PORT_MAPPING.isValid("_x"));
    assertFalse(EcsName.PORT_MAPPING.isValid("-http"));
    assertFalse(EcsName.PORT_MAPPING.isValid("HTTP"));
    assertTrue(EcsName.PORT_MAPPING.isValid("p".repeat(64)));
    assertFalse(EcsName.PORT_MAPPING.isValid("p".repeat(65)));
  }

  @Test
  void attributesFollowTheContainerInstanceRules() {
    assertTrue(EcsName.ATTRIBUTE_NAME.isValid("ecs.capability.docker-remote-api.1.17"));
    assertTrue(EcsName.ATTRIBUTE_NAME.isValid("team/stack\\x"));
    assertFalse(EcsName.ATTRIBUTE_NAME.isValid("a:b"));
    assertFalse(EcsName.ATTRIBUTE_NAME.isValid("a".repeat(129)));
    assertTrue(EcsName.ATTRIBUTE_VALUE.isValid("arn:aws:ec2 x@y/z"));
    assertFalse(EcsName.ATTRIBUTE_VALUE.isValid(" padded"));
    assertFalse(EcsName.ATTRIBUTE_VALUE.isValid("padded "));
    assertFalse(EcsName.ATTRIBUTE_VALUE.isValid("a=b"));
  }

  @Test
  void tagsTakeLettersOfAnyScriptAndTheirPunctuation() {
    assertTrue(EcsName.TAG_KEY.isValid("Équipe: prod/web=1+2@x"));
    assertFalse(EcsName.TAG_KEY.isValid("a#b"));
    assertFalse(EcsName.TAG_KEY.isValid(""));
    assertTrue(EcsName.TAG_VALUE.isValid(""));
    assertTrue(EcsName.TAG_VALUE.isValid("v".repeat(256)));
    assertFalse(EcsName.TAG_VALUE.isValid("v".repeat(257)));
    assertFalse(EcsName.TAG_KEY.isValid("k".repeat(129)));
  }
}
