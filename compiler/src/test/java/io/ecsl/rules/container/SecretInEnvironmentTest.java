package io.ecsl.rules.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which variable names W1103 takes for secrets: words between `_`, `-` and `.`. */
class SecretInEnvironmentTest {
  @ParameterizedTest
  @CsvSource({
    "DB_PASSWORD, true", "db.secret.path, true", "my-private-thing, true", "AWS_CREDENTIALS_FILE, true",
    "API_KEY, true", "github-token, true", "SMTP_PASS, true", "KEY_, true", "__KEY, true",
    "KEY_PREFIX, false", "AUTH_URL, false", "TOKENIZER, false", "PASSWORDLESS, false", "PORT, false",
    "'', false", "_, false"
  })
  void looksSecret(String name, boolean secret) {
    assertEquals(secret, SecretInEnvironment.looksSecret(name), name);
  }
}
