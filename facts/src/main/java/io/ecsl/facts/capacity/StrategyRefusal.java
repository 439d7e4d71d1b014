package io.ecsl.facts.capacity;

/**
 * One reason ECS refuses a capacity provider strategy (ecs-semantics §4.3), with the item at
 * fault, so that the compiler can point at that item and the runtime can answer in ECS's words:
 * both read the same findings from {@link CapacityProviderStrategy#refusals}.
 *
 * @param index the item at fault: the duplicate, the second base, the first item beyond the
 *     limit; -1 when the strategy as a whole is at fault (no items, no weight)
 * @param provider the provider of that item, or null
 * @param firstBase for {@link Reason#SECOND_BASE}, the provider that has the first base; else null
 * @param message the refusal as a sentence (lower case, no final stop)
 */
public record StrategyRefusal(Reason reason, int index, String provider, String firstBase, String message) {
  public enum Reason {
    /** The strategy lists no capacity provider. */
    NO_PROVIDERS,
    /** More capacity providers than ECS takes in one strategy. */
    TOO_MANY_PROVIDERS,
    /** A capacity provider listed a second time. */
    DUPLICATE_PROVIDER,
    /** A second capacity provider with a base above 0. */
    SECOND_BASE,
    /** Several capacity providers, all of weight 0. */
    NO_WEIGHT
  }
}
