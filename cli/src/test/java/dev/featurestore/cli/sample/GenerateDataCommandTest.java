package dev.featurestore.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

class GenerateDataCommandTest {

  @Test
  void writesTheFilesUnderTheRepositoryAndPrintsOneLineEach(@TempDir Path repo) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new GenerateDataCommand());
    commandLine.setOut(new PrintWriter(out));
    int exit =
        commandLine.execute(
            "--repo", repo.toString(), "--users", "50", "--merchants", "5", "--now", "2024-06-01");

    assertThat(exit).isZero();
    for (String file : SampleDataGenerator.fileNames()) {
      assertThat(repo.resolve("data").resolve(file)).isRegularFile();
      assertThat(out.toString()).contains(repo.resolve("data").resolve(file).toString());
    }
    assertThat(out.toString())
        .contains("50 users, 5 merchants, 60 devices, seed 42, 30 days before 2024-06-01T00:00:00Z")
        .contains("Done in");
    assertThat(repo.resolve("data"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  @Test
  void outputMayBeAbsolute(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("elsewhere");
    CommandLine commandLine = new CommandLine(new GenerateDataCommand());
    commandLine.setOut(new PrintWriter(new StringWriter()));
    int exit =
        commandLine.execute(
            "--users", "10", "--merchants", "2", "--devices", "3", "--output", output.toString());
    assertThat(exit).isZero();
    try (var files = Files.list(output)) {
      assertThat(files.count()).isEqualTo(SampleDataGenerator.fileNames().size());
    }
  }

  @Test
  void takesTheRepositoryFromTheParentsInheritedChdirOption(@TempDir Path repo) {
    CommandLine commandLine =
        new CommandLine(new ParentWithChdir()).addSubcommand(new GenerateDataCommand());
    commandLine.setOut(new PrintWriter(new StringWriter()));
    int exit =
        commandLine.execute(
            "-c", repo.toString(), "generate-data", "--users", "5", "--merchants", "1");
    assertThat(exit).isZero();
    assertThat(repo.resolve("data").resolve("device_risk.parquet")).isRegularFile();
  }

  /** Stands in for the real root command, which declares -c/--chdir the same way. */
  @Command(name = "parent")
  static final class ParentWithChdir implements Runnable {
    @Option(
        names = {"-c", "--chdir"},
        scope = ScopeType.INHERIT)
    Path chdir;

    @Override
    public void run() {}
  }

  @Test
  void rejectsInvalidCounts(@TempDir Path repo) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new GenerateDataCommand());
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute("--repo", repo.toString(), "--users", "0")).isNotZero();
    assertThat(err.toString()).contains("users must be between 1 and");
  }

  @Test
  void nowAcceptsDatesAndDateTimes() {
    GenerateDataCommand.InstantConverter converter = new GenerateDataCommand.InstantConverter();
    assertThat(converter.convert("2024-06-01")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(converter.convert("2024-06-01T12:30:00Z"))
        .isEqualTo(Instant.parse("2024-06-01T12:30:00Z"));
    assertThat(converter.convert("2024-06-01T12:30:00+02:00"))
        .isEqualTo(Instant.parse("2024-06-01T10:30:00Z"));
    assertThat(converter.convert("2024-06-01T12:30"))
        .isEqualTo(Instant.parse("2024-06-01T12:30:00Z"));
    assertThatThrownBy(() -> converter.convert("yesterday"))
        .isInstanceOf(TypeConversionException.class);
  }
}
