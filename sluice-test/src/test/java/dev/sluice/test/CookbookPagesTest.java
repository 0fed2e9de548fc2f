package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code on each cookbook page ({@code docs/cookbook/<page>.md}) is the code of the example in
 * {@link CookbookExamplesTest} between its {@code // page: <page>} and {@code // end} lines, so a
 * page cannot show code that does not compile or run.
 */
class CookbookPagesTest {
  private static final Path EXAMPLES =
      Path.of("src/test/java/dev/sluice/test/CookbookExamplesTest.java");
  private static final Path PAGES = Path.of("..", "docs", "cookbook");

  /** Each page's name and its example, indented as on the page. */
  static Map<String, String> examples() throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(EXAMPLES);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("// page: ")) {
        StringBuilder code = new StringBuilder();
        for (i++; !lines.get(i).strip().equals("// end"); i++) {
          String l = lines.get(i);
          code.append(l.length() >= 4 ? l.substring(4) : l.strip()).append('\n');
        }
        examples.put(line.substring("// page: ".length()), code.toString());
      }
    }
    return examples;
  }

  @Test
  void everyPageQuotesItsExampleAsItIs() throws IOException {
    Map<String, String> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
    for (Map.Entry<String, String> e : examples.entrySet()) {
      Path page = PAGES.resolve(e.getKey() + ".md");
      assertThat(page).exists();
      assertThat(Files.readString(page))
          .as(page.toString())
          .contains("```java\n" + e.getValue() + "```\n");
    }
  }
}
