package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.deploy.apply.ApplyListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an interrupted apply says it leaves behind. */
class ApplyLedgerTest {
  @Test
  void anInterruptedApplySaysWhatWasDoneCutShortFailedAndNeverStarted() {
    ApplyLedger ledger = new ApplyLedger(ApplyListener.NONE,
        List.of("cluster prod", "task definition web", "service prod/web", "service prod/api", "service prod/jobs"));
    ledger.started("cluster prod", "create");
    ledger.finished("cluster prod", "create", Duration.ofMillis(100));
    ledger.started("task definition web", "create");
    ledger.finished("task definition web", "create", Duration.ofMillis(100));
    ledger.started("service prod/api", "create");
    ledger.failed("service prod/api", "boom", Duration.ofMillis(100));
    ledger.started("service prod/web", "create");

    StringWriter text = new StringWriter();
    ledger.reportInterrupted(new PrintWriter(text));

    assertEquals("""

        Apply interrupted.
          applied (2): cluster prod, task definition web
          cut short (1): service prod/web (possibly partly applied; `ecsl plan` shows where each stands)
          failed (1): service prod/api
          not started (1): service prod/jobs
        Run apply again to finish: it plans from what is live, so it picks up where this one stopped.
        """, text.toString().replace(System.lineSeparator(), "\n"));
  }
}
