package io.trailhound.detect.correlation;

import io.trailhound.detect.DetectionEngine;
import io.trailhound.event.Event;
import io.trailhound.rule.sigma.ParseResult;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.rule.sigma.SigmaParser;
import io.trailhound.source.cloudtrail.CloudTrailReader;
import io.trailhound.source.cloudtrail.IngestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rules and events of a correlation test, from files under {@code correlation-engine/}. */
final class Scenario {

  private static final String DIR = "/correlation-engine/";

  final ParseResult rules;
  final DetectionEngine detection;

  private Scenario(ParseResult rules) {
    this.rules = rules;
    this.detection = DetectionEngine.compile(rules.rules(), Placeholders.none());
  }

  static Scenario of(String rulesFile) {
    try (InputStream in = Scenario.class.getResourceAsStream(DIR + rulesFile)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ParseResult parsed = SigmaParser.parse(text, rulesFile);
      parsed.orThrow();
      return new Scenario(parsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Event> events(String... files) {
    List<Event> out = new ArrayList<>();
    for (String file : files) {
      CloudTrailReader reader = CloudTrailReader.create(IngestOptions.defaults().withThreads(1));
      try (InputStream in = Scenario.class.getResourceAsStream(DIR + file)) {
        reader.read(file, in, out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (reader.report().skipped() > 0) {
        throw new IllegalStateException(file + ": " + reader.report().skips());
      }
    }
    return out;
  }

  CorrelationEngine engine(CorrelationOptions options) {
    return CorrelationEngine.compile(rules.correlations(), rules.rules(), options);
  }

  /** Offers every match of {@code events}, in the given order, and finishes. */
  List<CorrelationResult> run(List<Event> events, CorrelationOptions options) {
    CorrelationEngine engine = engine(options);
    feed(engine, events);
    return engine.finish();
  }

  List<CorrelationResult> run(List<Event> events) {
    return run(events, CorrelationOptions.defaults());
  }

  void feed(CorrelationEngine engine, List<Event> events) {
    for (Event e : events) {
      detection.match(e, rule -> engine.offer(rule, e));
    }
  }

  /** Rule name → "group values" of each result, e.g. {@code count_a → [u1, u3]}. */
  static Map<String, List<String>> fired(List<CorrelationResult> results) {
    Map<String, List<String>> out = new TreeMap<>();
    for (CorrelationResult r : results) {
      out.computeIfAbsent(r.rule().name(), k -> new ArrayList<>())
          .add(
              String.join(
                  ",",
                  r.groups().values().stream()
                      .map(v -> v.substring(v.lastIndexOf('/') + 1))
                      .toList()));
    }
    return out;
  }
}
