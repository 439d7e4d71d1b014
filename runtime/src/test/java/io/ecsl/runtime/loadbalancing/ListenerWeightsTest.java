package io.ecsl.runtime.loadbalancing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The forward weights of a staged deployment's split: percent, or tenths when the share has a fraction. */
class ListenerWeightsTest {
  @Test
  void wholePercentsAreWeightsAndFractionsAreTenths() {
    assertArrayEquals(new int[] {100, 0}, ListenerWeights.weights(0));
    assertArrayEquals(new int[] {75, 25}, ListenerWeights.weights(25));
    assertArrayEquals(new int[] {0, 100}, ListenerWeights.weights(100));
    assertArrayEquals(new int[] {875, 125}, ListenerWeights.weights(12.5));
    assertArrayEquals(new int[] {999, 1}, ListenerWeights.weights(0.1), "ELB weights stay within 0-999");
  }
}
