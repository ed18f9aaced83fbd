package dev.featurestore.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * An optional JFR recording ({@code profile} settings) of the measured part of the run, summarised
 * as the hottest leaf methods among CPU samples per thread role, so a missed target comes with
 * where the time went.
 */
final class Profiling {
  private static final int TOP = 8;
  private final Recording recording;
  private final Path file;

  private Profiling(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  static Profiling start(Optional<Path> file) throws IOException, ParseException {
    if (file.isEmpty()) {
      return new Profiling(null, null);
    }
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.setToDisk(true);
    recording.start();
    return new Profiling(recording, file.get().toAbsolutePath());
  }

  /** Stops, writes the file and returns a markdown summary, or "" when not recording. */
  String stop() throws IOException {
    if (recording == null) {
      return "";
    }
    recording.stop();
    recording.dump(file);
    recording.close();
    Map<String, Map<String, Integer>> byGroup = new HashMap<>();
    Map<String, Map<String, Integer>> librariesByGroup = new HashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
          || event.getThread("sampledThread") == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      String group = CpuMeter.groupOf(String.valueOf(event.getThread("sampledThread").getJavaName()));
      RecordedFrame top = frames.get(0);
      String method = top.getMethod().getType().getName() + "." + top.getMethod().getName();
      byGroup.computeIfAbsent(group, g -> new HashMap<>()).merge(method, 1, Integer::sum);
      librariesByGroup.computeIfAbsent(group, g -> new HashMap<>()).merge(library(frames), 1, Integer::sum);
      totals.merge(group, 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder("JFR recording: `" + file + "`. Java CPU samples by thread role, and each"
        + " role's hottest leaf methods (share of that role's samples):\n\n");
    totals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(total -> {
      out.append("- **").append(total.getKey()).append("**: ").append(total.getValue()).append(" samples; ");
      out.append(top(byGroup.get(total.getKey()), total.getValue()));
      out.append("; by library of the leaf frame: ").append(top(librariesByGroup.get(total.getKey()), total.getValue()));
      out.append('\n');
    });
    return out.toString();
  }

  private static String top(Map<String, Integer> counts, int total) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
        .map(e -> "`" + e.getKey() + "` " + Math.round(100.0 * e.getValue() / total) + "%")
        .collect(Collectors.joining(", "));
  }

  /** The first two package segments of the leaf frame, "dev.featurestore" and the like. */
  private static String library(List<RecordedFrame> frames) {
    String type = frames.get(0).getMethod().getType().getName();
    String[] parts = type.split("\\.");
    return parts.length < 3 ? type : parts[0] + "." + parts[1];
  }
}
