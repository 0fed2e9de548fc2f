package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void usageHelpListsEveryCommandInOrder() {
    Cli cli = Cli.run("--help");

    assertThat(cli.code()).isZero();
    assertThat(cli.out())
        .containsSubsequence(
            "convert", "dupes", "export", "import", "demo", "generate", "fetch", "sse", "relay");
  }

  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    assertThat(Main.commandLine("convert", "in.csv", "out.jsonl").getSubcommands())
        .containsOnlyKeys("convert");
    assertThat(Main.commandLine("import", "--help").getSubcommands()).containsOnlyKeys("import");
  }

  @Test
  void everyCommandIsBuiltForTheUsageHelpAndForAnUnknownName() {
    assertThat(Main.commandLine().getSubcommands().keySet())
        .containsExactlyElementsOf(Main.COMMANDS);
    assertThat(Main.commandLine("--version").getSubcommands().keySet())
        .containsExactlyElementsOf(Main.COMMANDS);
    assertThat(Main.commandLine("conver", "x").getSubcommands().keySet())
        .containsExactlyElementsOf(Main.COMMANDS);
  }

  @Test
  void aMisspeltCommandIsAUsageErrorThatSuggestsTheRightOne() {
    Cli cli = Cli.run("conver", "in.csv", "out.jsonl");

    assertThat(cli.code()).isEqualTo(Main.USAGE);
    assertThat(cli.err()).contains("conver").contains("convert");
  }

  @Test
  void eachCommandAnswersItsOwnHelp() {
    for (String name : Main.COMMANDS) {
      Cli cli = Cli.run(name, "--help");

      assertThat(cli.code()).as(name).isZero();
      assertThat(cli.out()).as(name).startsWith("Usage: sluice " + name);
    }
  }
}
