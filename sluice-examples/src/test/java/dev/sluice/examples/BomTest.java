package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sluice-bom manages every published module: every module with an API dump (ADR 0400). */
final class BomTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void managesEveryModuleWithAnApiDump() throws IOException {
    List<String> published;
    try (Stream<Path> modules = Files.list(ROOT)) {
      published =
          modules
              .filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
              .map(m -> m.getFileName().toString())
              .filter(m -> Files.isRegularFile(ROOT.resolve(m + "/src/api/" + m + ".api")))
              .sorted()
              .toList();
    }
    String bom = Files.readString(ROOT.resolve("sluice-bom/pom.xml"));
    Matcher managed = Pattern.compile("<artifactId>([\\w-]+)</artifactId>").matcher(bom);
    List<String> artifacts = managed.results().map(r -> r.group(1)).toList();

    assertThat(published).contains("sluice-core", "sluice-io", "sluice-jdbc", "sluice-test");
    assertThat(artifacts).as("artifacts in sluice-bom/pom.xml").containsAll(published);
  }
}
