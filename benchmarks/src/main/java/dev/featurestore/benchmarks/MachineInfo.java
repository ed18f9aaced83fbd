package dev.featurestore.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the report says about the machine: cores, CPU model, memory, JDK and load average. */
record MachineInfo(int cores, String cpuModel, String memory, String jdk, String loadAverage) {

  static MachineInfo capture() {
    return new MachineInfo(Runtime.getRuntime().availableProcessors(),
        firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
        firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        read(Path.of("/proc/loadavg")).map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3)))
            .orElse("unknown"));
  }

  private static java.util.Optional<String> firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static java.util.Optional<String> read(Path file) {
    try {
      return java.util.Optional.of(Files.readString(file).trim());
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
