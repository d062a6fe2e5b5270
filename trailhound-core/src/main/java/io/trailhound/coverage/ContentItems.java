package io.trailhound.coverage;

import io.trailhound.finding.AttackTag;
import io.trailhound.finding.RuleInfo;
import io.trailhound.rule.sigma.CorrelationRule;
import io.trailhound.rule.sigma.RuleHeader;
import io.trailhound.rule.sigma.SigmaRule;
import io.trailhound.scan.DetectorMetadata;
import io.trailhound.scan.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads what loaded content declares: the {@code finding_types}, {@code attack.t*} tags and {@code
 * stratus} attribute of every rule and correlation rule of a catalogue, and the same fields of the
 * built-in detectors' metadata files.
 */
public final class ContentItems {

  /** The custom attribute naming the Stratus Red Team techniques a rule or detector detects. */
  public static final String STRATUS = "stratus";

  private ContentItems() {}

  /** The catalogue's rules and correlation rules, then the built-in detectors. */
  public static List<ContentItem> of(RuleCatalog catalog, List<String> detectorIds) {
    List<ContentItem> out = new ArrayList<>();
    for (SigmaRule rule : catalog.rules()) {
      out.add(rule(rule, ContentKind.RULE));
    }
    for (CorrelationRule rule : catalog.correlations()) {
      out.add(rule(rule, ContentKind.CORRELATION));
    }
    for (String id : detectorIds) {
      out.add(detector(id));
    }
    return List.copyOf(out);
  }

  static ContentItem rule(RuleHeader rule, ContentKind kind) {
    return new ContentItem(
        rule.fileName(),
        kind,
        strings(rule.custom().get("finding_types")),
        AttackTag.techniques(rule.tags()),
        strings(rule.custom().get(STRATUS)));
  }

  /** A built-in detector, from its metadata file; fails fast when the file is missing. */
  static ContentItem detector(String id) {
    RuleInfo info = DetectorMetadata.builtin(id).info();
    String path = "content/detectors/" + id + ".yml";
    Object stratus;
    try (InputStream in = ContentItems.class.getClassLoader().getResourceAsStream(path)) {
      Object doc = in == null ? null : new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      stratus = doc instanceof Map<?, ?> map ? map.get(STRATUS) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
    return new ContentItem(
        id, ContentKind.DETECTOR, info.types(), info.techniques(), strings(stratus));
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o != null && !o.toString().isBlank()) {
          out.add(o.toString().strip());
        }
      }
    } else if (v instanceof String s && !s.isBlank()) {
      out.add(s.strip());
    }
    return out;
  }
}
