package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --where} conditions and keyed hashing, through {@code convert}. */
class RulesOptionsTest {
  @TempDir Path dir;

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void whereComparesNumbersAsNumbersAndMatchesRegularExpressions() throws Exception {
    Files.writeString(
        dir.resolve("in.csv"), "id,age,email\n1,9,a@x.org\n2,10,b@y.com\n3,30,c@y.com\n");
    Cli cli =
        Cli.run(
            "convert",
            path("in.csv"),
            path("o.csv"),
            "--where",
            "age>9",
            "--where",
            "email~@y\\.com$",
            "--where",
            "id!=3",
            "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("o.csv"))).isEqualTo("id,age,email\n2,10,b@y.com\n");
    Files.writeString(dir.resolve("in.jsonl"), "{\"age\":9}\n{\"age\":12.5}\n{\"age\":null}\n{}\n");
    Cli json =
        Cli.run("convert", path("in.jsonl"), path("o.jsonl"), "--where", "age>=10", "--quiet");
    assertThat(Files.readString(dir.resolve("o.jsonl"))).isEqualTo("{\"age\":12.5}\n");
    assertThat(json.code()).isZero();
  }

  @Test
  void aMalformedConditionIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "a\n1\n");
    Cli cli = Cli.run("convert", path("in.csv"), path("o.csv"), "--where", "a~(", "--quiet");
    assertThat(cli.code()).isEqualTo(Main.USAGE);
    assertThat(cli.err()).contains("--where").contains("regular expression");
  }

  @Test
  void aHashKeyMakesTheHashAnHmacThatADictionaryCannotReverse() throws Exception {
    Files.writeString(dir.resolve("in.csv"), "email\nalice@example.com\n");
    Path key = Files.write(dir.resolve("key"), "s3cret-key".getBytes(StandardCharsets.UTF_8));
    Cli keyed =
        Cli.run(
            "convert",
            path("in.csv"),
            path("k.jsonl"),
            "--hash",
            "email",
            "--hash-key-file",
            key.toString(),
            "--quiet");
    assertThat(keyed.code()).as(keyed.err()).isZero();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal("alice@example.com".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(dir.resolve("k.jsonl")))
        .isEqualTo("{\"email\":\"" + expected + "\"}\n");
    Cli plain = Cli.run("convert", path("in.csv"), path("p.jsonl"), "--hash", "email", "--quiet");
    assertThat(Files.readString(dir.resolve("p.jsonl")))
        .isEqualTo("{\"email\":\"" + Cli.sha256("alice@example.com") + "\"}\n");
    assertThat(plain.code()).isZero();
    Cli unset =
        Cli.run(
            "convert",
            path("in.csv"),
            path("u.jsonl"),
            "--hash",
            "email",
            "--hash-key-env",
            "SLUICE_TEST_NO_SUCH_VARIABLE",
            "--quiet");
    assertThat(unset.code()).isEqualTo(Main.USAGE);
    assertThat(unset.err()).contains("not set");
    Path huge = Files.write(dir.resolve("huge"), new byte[RulesOptions.MAX_KEY_FILE + 1]);
    Cli tooBig =
        Cli.run(
            "convert",
            path("in.csv"),
            path("h.jsonl"),
            "--hash",
            "email",
            "--hash-key-file",
            huge.toString(),
            "--quiet");
    assertThat(tooBig.code()).isEqualTo(Main.USAGE);
    assertThat(tooBig.err()).contains("huge is over 65536 bytes");
    assertThat(dir.resolve("h.jsonl")).doesNotExist();
  }
}
