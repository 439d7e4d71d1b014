package io.ecsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ecsl.ast.Amount;
import org.junit.jupiter.api.Test;

/** Converting a quantity to the whole number a member counts in, with and without BigDecimal. */
class QuantityTest {
  private static Value.Quantity q(String amount, Unit unit) {
    return new Value.Quantity(null, Amount.parse(amount), unit);
  }

  @Test
  void wholeAmountsConvertExactly() {
    assertEquals(2048L, q("2", Unit.GIB).whole(Unit.MIB));
    assertEquals(1L, q("1024", Unit.KIB).whole(Unit.MIB));
    assertEquals(512L, q("0.5", Unit.VCPU).whole(Unit.CPU_UNITS), "the decimal path");
    assertEquals(120L, q("2", Unit.MINUTES).whole(Unit.SECONDS));
    assertEquals(2L, q("120", Unit.SECONDS).whole(Unit.MINUTES));
    assertEquals(1500L, q("1.5", Unit.SECONDS).whole(Unit.MILLISECONDS));
    assertEquals(86400L, q("1", Unit.DAYS).wholeBase());
  }

  @Test
  void whatIsNotWholeThereIsNull() {
    assertNull(q("512", Unit.KIB).whole(Unit.MIB), "half a MiB");
    assertNull(q("0.3", Unit.VCPU).whole(Unit.CPU_UNITS), "307.2 units");
    assertNull(q("100", Unit.SECONDS).whole(Unit.MINUTES), "1.666… minutes, a division that does not end");
    assertNull(q("1500", Unit.MILLISECONDS).wholeBase());
  }

  @Test
  void tooLargeForALongIsNull() {
    assertNull(q("9000000000000000000", Unit.TIB).whole(Unit.MIB), "overflows on the long path");
    assertNull(q("99999999999999999999", Unit.GIB).whole(Unit.MIB), "and on the decimal path");
  }

  @Test
  void theFinerUnitIsTheSmallerOne() {
    assertEquals(true, Unit.KIB.notLargerThan(Unit.MIB));
    assertEquals(false, Unit.MINUTES.notLargerThan(Unit.SECONDS));
    assertEquals(true, Unit.MILLISECONDS.notLargerThan(Unit.MILLISECONDS));
  }
}
