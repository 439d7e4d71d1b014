package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import org.junit.jupiter.api.Test;

/**
 * The limits the facts module states by hand agree with the AWS API models, where the models
 * state them too: refreshing a model that changes one of these fails here, not in production.
 */
class EcsFactsAgreeWithModelsTest {
  private static Shape ecs(String shape) {
    return ServiceModel.get(ServiceModel.ECS).shape(shape);
  }

  @Test
  void tags() {
    assertEquals(EcsLimit.TAGS_PER_RESOURCE.max(), ecs("Tags").max());
    assertEquals(EcsName.TAG_KEY.minLength(), ecs("TagKey").min());
    assertEquals(EcsName.TAG_KEY.maxLength(), ecs("TagKey").max());
    assertEquals(EcsName.TAG_VALUE.minLength(), ecs("TagValue").min());
    assertEquals(EcsName.TAG_VALUE.maxLength(), ecs("TagValue").max());
  }

  @Test
  void strategyItems() {
    assertEquals(EcsLimit.STRATEGY_WEIGHT.min(), ecs("CapacityProviderStrategyItemWeight").min());
    assertEquals(EcsLimit.STRATEGY_WEIGHT.max(), ecs("CapacityProviderStrategyItemWeight").max());
    assertEquals(EcsLimit.STRATEGY_BASE.min(), ecs("CapacityProviderStrategyItemBase").min());
    assertEquals(EcsLimit.STRATEGY_BASE.max(), ecs("CapacityProviderStrategyItemBase").max());
    assertEquals(EcsLimit.CAPACITY_PROVIDERS_PER_EVENTBRIDGE_STRATEGY.max(),
        ServiceModel.get(ServiceModel.EVENTS).shape("CapacityProviderStrategy").max());
  }
}
