package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The NO_COLOR convention (no-color.org) as ecsl reads it. */
class TerminalTest {
  @Test
  void aNonEmptyNoColorOrADumbTerminalTurnsColorOff() {
    assertTrue(Terminal.colorAllowed(null, "xterm-256color"));
    assertTrue(Terminal.colorAllowed("", "xterm"), "NO_COLOR set but empty does not count");
    assertFalse(Terminal.colorAllowed("1", "xterm"));
    assertFalse(Terminal.colorAllowed("true", null));
    assertFalse(Terminal.colorAllowed(null, "dumb"));
  }
}
