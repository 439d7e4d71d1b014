package io.ecsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A quantity's amount: whole numbers as longs, the rest as BigDecimal, with BigDecimal's meaning. */
class AmountTest {
  @Test
  void wholeLiteralsTakeTheLongForm() {
    Amount a = Amount.parse("512");
    assertTrue(a.isWhole());
    assertEquals(512, a.whole());
    assertEquals("512", a.toPlainString());
    assertEquals(new BigDecimal("512"), a.decimal());
  }

  @Test
  void fractionsAndLongNumbersTakeTheDecimalForm() {
    Amount half = Amount.parse("0.50");
    assertFalse(half.isWhole());
    assertEquals("0.50", half.toPlainString(), "as written");
    assertEquals("0.5", half.display(), "shown without trailing zeros");
    assertThrows(IllegalStateException.class, half::whole);
    Amount huge = Amount.parse("99999999999999999999");
    assertFalse(huge.isWhole(), "20 digits do not fit a long");
    assertEquals("99999999999999999999", huge.toPlainString());
  }

  @Test
  void equalityIsBigDecimalsAndComparisonIsByValue() {
    assertEquals(Amount.parse("2"), Amount.of(new BigDecimal("2")), "a scale-0 decimal is the whole form");
    assertEquals(Amount.parse("2").hashCode(), Amount.of(new BigDecimal("2")).hashCode());
    assertNotEquals(Amount.parse("2"), Amount.parse("2.0"), "1 and 1.0 are different literals, as for BigDecimal");
    assertEquals(0, Amount.parse("2").compareTo(Amount.parse("2.0")));
    assertTrue(Amount.parse("2").compareTo(Amount.parse("10")) < 0);
    assertTrue(Amount.parse("2.5").compareTo(Amount.parse("2")) > 0);
  }

  @Test
  void negationNeverOverflows() {
    assertEquals(Amount.of(-5), Amount.of(5).negate());
    Amount min = Amount.of(Long.MIN_VALUE).negate();
    assertEquals(BigDecimal.valueOf(Long.MIN_VALUE).negate(), min.decimal());
    assertEquals(-1, Amount.parse("0.5").negate().signum());
  }
}
