package io.trailhound.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.investigate.Incident;
import io.trailhound.investigate.Incidents;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Investigator;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.IndexingStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportEscapingTest {

  private static List<Incident> hostileIncidents() {
    InMemoryEventIndex index = new InMemoryEventIndex();
    new ScanService(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC))
        .scan(
            InputSpec.expand(List.of("src/test/resources/investigate/hostile.jsonl")),
            RuleCatalog.load(true, List.of(), Placeholders.none()),
            ScanOptions.defaults().withThreads(1).withStage(() -> new IndexingStage(index)));
    Investigation inv = new Investigator(index).investigateActor("ASIAHOSTILE00000001");
    assertThat(inv.evidence()).hasSize(2);
    return Incidents.group(List.of(inv), Incidents.DEFAULT_WINDOW);
  }

  @Test
  void the_html_report_escapes_every_log_derived_string_and_loads_nothing_external() {
    StringWriter html = new StringWriter();
    HtmlReport.write(hostileIncidents(), 0, new PrintWriter(html));
    String page = html.toString();

    assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    assertThat(page).doesNotContain("onerror=alert(1)>").doesNotContain("<b>Denied");
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(page).contains("&quot;&gt;&lt;script&gt;");
    assertThat(page).contains("&lt;b&gt;Denied&lt;/b&gt;");
    assertThat(page).doesNotContain("\u001b");
    Matcher tags = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(page);
    Set<String> names = new TreeSet<>();
    while (tags.find()) {
      names.add(tags.group(1).toLowerCase(Locale.ROOT));
    }
    assertThat(names)
        .as("every raw tag comes from the template")
        .isSubsetOf(
            "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "span", "svg",
            "line", "g", "rect", "text", "ul", "li", "b", "code", "small", "table", "tr", "th",
            "td");
    assertThat(page).contains("<svg").contains("default-src 'none'");
  }

  @Test
  void the_markdown_report_renders_no_html_from_the_logs() {
    StringWriter md = new StringWriter();
    MarkdownReport.write(hostileIncidents(), 0, new PrintWriter(md));

    assertThat(md.toString()).doesNotContainIgnoringCase("<script").doesNotContain("\u001b");
    assertThat(md.toString()).contains("&lt;script&gt;alert(2)&lt;/script&gt;");
  }

  @Test
  void the_entity_graph_is_laid_out_the_same_way_every_time() {
    String first = EntityGraph.svg(hostileIncidents().get(0));
    String second = EntityGraph.svg(hostileIncidents().get(0));

    assertThat(first).isEqualTo(second).startsWith("<svg").endsWith("</svg>");
    assertThat(first).contains("ASIAHOSTILE00000001").doesNotContain("<script");
  }
}
