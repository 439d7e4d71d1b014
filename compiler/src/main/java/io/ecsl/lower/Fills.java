package io.ecsl.lower;

import io.ecsl.eval.Kind;
import java.util.List;

/**
 * What a piece of first-class syntax sets, described for editors (completion, hover): the member
 * it fills (a dotted path when it skips a level of the API's nesting, as {@code network} does),
 * the kind of declaration it names, the bare words it takes besides the member's own values, and
 * the form of its block when that is not the member's.
 */
record Fills(String member, Kind reference, List<String> words, boolean labelled, Form form) {

  /** Blocks whose entries are not the member's own fields. */
  enum Form {
    /** The member's structure, list element or pairs, as the model says. */
    MEMBER,
    /** {@code placement { spread = az; binpack = memory }}: placement rules. */
    PLACEMENT,
    /** {@code depends_on { sidecar = HEALTHY }}: container names to conditions. */
    CONTAINER_CONDITIONS,
    /** {@code container = app.http}: a container (and port) of the service's task definition. */
    CONTAINER_PORT
  }

  static Fills member(String member) {
    return new Fills(member, null, List.of(), false, Form.MEMBER);
  }

  static Fills reference(String member, Kind kind) {
    return new Fills(member, kind, List.of(), false, Form.MEMBER);
  }

  Fills words(String... more) {
    return new Fills(member, reference, List.of(more), labelled, form);
  }

  Fills words(List<String> more) {
    return new Fills(member, reference, List.copyOf(more), labelled, form);
  }

  /** Written with a name: {@code port http = …}, {@code env NAME = …}. */
  Fills withName() {
    return new Fills(member, reference, words, true, form);
  }

  Fills as(Form newForm) {
    return new Fills(member, reference, words, labelled, newForm);
  }
}
