package io.ecsl.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.home.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store of `ecsl runtime credentials`: private files, a faithful round trip, and refusals that say what to do. */
class RoleMappingsTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/app-role";
  private static final String OTHER = "arn:aws-us-gov:iam::123456789012:role/team/other";

  @TempDir Path temp;

  @Test
  void mappingsRoundTripInAFileOnlyItsOwnerCanRead() throws Exception {
    Path dataDir = temp.resolve("runtime"); // the runtime never ran here: the directory is made 0700
    Instant expiration = Instant.parse("2030-01-01T00:00:00Z");
    RoleMappings.put(dataDir, new RoleMappings.Mapping(ROLE, new RoleMappings.Profile("dev"), Instant.parse("2026-01-01T00:00:00Z")));
    RoleMappings.put(dataDir, new RoleMappings.Mapping(OTHER,
        new RoleMappings.Keys("AKIAEXAMPLEKEY12", "secret/key", "token", expiration), null));

    assertEquals("rwx------", PrivateFiles.mode(dataDir));
    assertEquals("rw-------", PrivateFiles.mode(dataDir.resolve(RoleMappings.FILE)));
    Map<String, RoleMappings.Mapping> loaded = RoleMappings.load(dataDir);
    assertEquals(new RoleMappings.Profile("dev"), loaded.get(ROLE).source());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), loaded.get(ROLE).mappedAt());
    assertEquals(new RoleMappings.Keys("AKIAEXAMPLEKEY12", "secret/key", "token", expiration), loaded.get(OTHER).source());

    RoleMappings.put(dataDir, new RoleMappings.Mapping(ROLE, new RoleMappings.Profile("prod"), null));
    assertEquals(new RoleMappings.Profile("prod"), RoleMappings.load(dataDir).get(ROLE).source(), "set again remaps");
    assertTrue(RoleMappings.remove(dataDir, ROLE));
    assertFalse(RoleMappings.remove(dataDir, ROLE), "nothing left to remove");
    assertEquals(java.util.Set.of(OTHER), RoleMappings.load(dataDir).keySet());
    assertEquals("rw-------", PrivateFiles.mode(dataDir.resolve(RoleMappings.FILE)), "rewritten, still private");
  }

  @Test
  void aDamagedFileIsReportedWithWhatToDo() throws Exception {
    Files.writeString(temp.resolve(RoleMappings.FILE), "{not json");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RoleMappings.load(temp));
    assertTrue(e.getMessage().contains("ecsl runtime credentials set"), e.getMessage());
  }

  @Test
  void onlyRoleArnsAreMapped() {
    assertNull(RoleMappings.roleArnProblem(ROLE));
    assertNull(RoleMappings.roleArnProblem(OTHER));
    for (String bad : new String[] {"app-role", "arn:aws:iam::123:role/x", "arn:aws:iam::123456789012:user/bob",
        "arn:aws:s3:::bucket"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoleMappings.put(temp,
          new RoleMappings.Mapping(bad, new RoleMappings.Profile("dev"), null)));
      assertTrue(e.getMessage().contains("arn:aws:iam::ACCOUNT:role/NAME"), e.getMessage());
    }
  }

  @Test
  void keysComeFromTheEnvironmentTheAwsCliExports() {
    RoleMappings.Keys keys = RoleMappings.keysFromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "s", "AWS_SESSION_TOKEN", "t", "AWS_CREDENTIAL_EXPIRATION", "2030-01-01T00:00:00Z"));
    assertEquals(new RoleMappings.Keys("ASIAEXAMPLE", "s", "t", Instant.parse("2030-01-01T00:00:00Z")), keys);
    assertEquals(new RoleMappings.Keys("AKIAEXAMPLE", "s", null, null), RoleMappings.keysFromEnvironment(
        Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s")));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> RoleMappings.keysFromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")));
    assertTrue(missing.getMessage().contains("AWS_SECRET_ACCESS_KEY is not set"), missing.getMessage());
    IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
        () -> RoleMappings.keysFromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "s",
            "AWS_CREDENTIAL_EXPIRATION", "tomorrow")));
    assertTrue(badTime.getMessage().contains("ISO 8601"), badTime.getMessage());
  }

  @Test
  void keysNeverPrintTheirSecret() {
    String shown = new RoleMappings.Keys("AKIAEXAMPLEKEY12", "very-secret", "tok", null).toString();
    assertFalse(shown.contains("very-secret") || shown.contains("tok") || shown.contains("AKIAEXAMPLE"), shown);
    assertEquals("************EY12", RoleMappings.masked("AKIAEXAMPLEKEY12"));
  }
}
