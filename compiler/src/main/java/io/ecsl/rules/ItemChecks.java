package io.ecsl.rules;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.EcsModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every per-item rule of one kind on one item while it is in cache, in chunks spread over the
 * cores. Running every such rule on an item before moving to the next (rather than each rule over
 * the whole model in turn) keeps a 10,000-service model from being read from memory 60 times.
 * With {@link CleanItems}, an item whose content passed every rule in the check before is skipped.
 */
final class ItemChecks<T> {
  /** How one rule checks one item. */
  interface CheckOne<T> {
    void check(Rule rule, RuleContext ctx, T item);
  }

  /** Items per job: large enough to amortise scheduling, small enough to balance two to many cores. */
  private static final int CHUNK = 128;

  private final List<Rule> rules = new ArrayList<>();
  private final CheckOne<T> checkOne;
  private final Function<T, String> address;
  private final Function<T, Object> content;

  ItemChecks(CheckOne<T> checkOne, Function<T, String> address, Function<T, Object> content) {
    this.checkOne = checkOne;
    this.address = address;
    this.content = content;
  }

  void add(Rule rule) {
    rules.add(rule);
  }

  /** Adds one job per chunk of items; each reports into its own list, then into {@code diagnostics} at once. */
  void addJobs(List<Runnable> jobs, List<T> items, EcsModel model, ModelIndex index, Diagnostics diagnostics,
      CleanItems memory) {
    for (int from = 0; from < items.size(); from += CHUNK) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
      jobs.add(() -> {
        List<Diagnostic> found = new ArrayList<>();
        List<RuleContext> contexts = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
          contexts.add(RuleContext.forOneItem(model, index, found::add, rule));
        }
        for (T item : chunk) {
          Object itemContent = memory == null ? null : content.apply(item);
          String itemAddress = memory == null ? null : address.apply(item);
          if (memory != null && memory.wasClean(itemAddress, itemContent)) {
            memory.clean(itemAddress, itemContent);
            continue;
          }
          int before = found.size();
          for (int i = 0; i < rules.size(); i++) {
            checkOne.check(rules.get(i), contexts.get(i), item);
          }
          if (memory != null && found.size() == before) {
            memory.clean(itemAddress, itemContent);
          }
        }
        diagnostics.addAll(found);
      });
    }
  }
}
