package io.ecsl.facts.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.testing.Processes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A command ecsl suggests runs what it says: bash reads back exactly the words it was given. */
class ShellTest {
  private static List<String> wordsBashReads(String command) throws Exception {
    Processes.Result r = Processes.run(List.of("bash", "-c", "printf '%s\\n' " + command), Map.of(), 30);
    assertEquals(0, r.exitCode(), r.stderr());
    return r.stdout().lines().toList();
  }

  @Test
  void hostileWordsComeBackUnchanged() throws Exception {
    List<String> words = List.of("it's", "a b", "$(id)", "`id`", "x;y", "*", "~", "\"q\"", "back\\slash", "#c", "!x",
        "a'b'c", "'");
    assertEquals(words, wordsBashReads(Shell.command(words.toArray(String[]::new))));
  }

  @Test
  void plainWordsStayAsAPersonTypesThem() throws Exception {
    assertEquals("ecsl apply plans/prod.json --profile team-a --endpoint http://127.0.0.1:4747",
        Shell.command("ecsl", "apply", "plans/prod.json", "--profile", "team-a", "--endpoint", "http://127.0.0.1:4747"));
    assertEquals("ecsl plan --out 'my plan.json'", Shell.command("ecsl", "plan", "--out", "my plan.json"));
    assertEquals(List.of("", "x"), wordsBashReads(Shell.command("", "x")));
  }
}
