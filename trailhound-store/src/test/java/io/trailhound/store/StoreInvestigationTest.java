package io.trailhound.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailhound.finding.Finding;
import io.trailhound.investigate.EventRecord;
import io.trailhound.investigate.InMemoryEventIndex;
import io.trailhound.investigate.Investigation;
import io.trailhound.investigate.Investigator;
import io.trailhound.investigate.Verdict;
import io.trailhound.investigate.report.InvestigationJson;
import io.trailhound.rule.sigma.Placeholders;
import io.trailhound.scan.IndexingStage;
import io.trailhound.scan.RuleCatalog;
import io.trailhound.scan.ScanOptions;
import io.trailhound.scan.ScanResult;
import io.trailhound.scan.ScanService;
import io.trailhound.source.InputSpec;
import io.trailhound.source.cloudtrail.RawRecords;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every finding of a simulated organisation investigated over the store gives, byte for byte, the
 * investigation over the scan's in-memory index: the store's narrower lookups (evidence ids in one
 * query, address-scoped pivots, addresses before a time, a role's history grouped in SQL) answer
 * what the index's full pivots answer.
 */
class StoreInvestigationTest {

  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path tmp;

  @Test
  void every_finding_investigated_over_the_store_matches_the_in_memory_investigation()
      throws IOException {
    SimulatedEvents.shared();
    InMemoryEventIndex index = new InMemoryEventIndex();
    ScanResult result;
    try (EventStore store = StoreLoadTest.open(tmp.resolve("store.duckdb"))) {
      StoreStage stage = new StoreStage(store.writer("scan-1"));
      result =
          new ScanService(CLOCK)
              .scan(
                  InputSpec.expand(
                      List.of(Path.of("target", "simulated-events", "AWSLogs").toString())),
                  RuleCatalog.load(true, List.of(), Placeholders.none()),
                  ScanOptions.defaults()
                      .withThreads(2)
                      .withStage(() -> stage)
                      .withStage(() -> new IndexingStage(index)));
      assertThat(result.findings()).hasSizeGreaterThan(5);
      Investigator fromMemory = new Investigator(index);
      Investigator fromStore =
          new Investigator(store.lookup((raw, paths) -> RawRecords.read(raw, paths, CLOCK)));
      int benign = 0;
      for (Finding f : result.findings()) {
        Investigation memory = fromMemory.investigate(f);
        assertThat(json(fromStore.investigate(f))).as(f.rule().name()).isEqualTo(json(memory));
        benign += memory.verdict().kind() == Verdict.Kind.BENIGN_EXPLAINED ? 1 : 0;
      }
      // the comparison covers the routine-work check that reads a role's whole history
      assertThat(benign).isPositive();

      // the removal check's resource lookup, filtered by API in SQL, answers what the index's
      // pivot filtered by base API answers (versioned Lambda names included)
      var lookup = store.lookup((raw, paths) -> RawRecords.read(raw, paths, CLOCK));
      Set<String> apis =
          Set.of("CreateFunction", "UpdateFunctionCode", "DeleteUser", "PutObject", "AssumeRole");
      int matched = 0;
      for (List<Object> row :
          store.query("SELECT DISTINCT arn FROM event_resources ORDER BY arn", 100_000).rows()) {
        String arn = (String) row.get(0);
        List<String> stored = ids(lookup.byResource(arn, null, null, apis));
        assertThat(stored).as(arn).isEqualTo(ids(index.byResource(arn, null, null, apis)));
        matched += stored.size();
      }
      assertThat(matched).isPositive();
    }
  }

  private static List<String> ids(List<EventRecord> events) {
    return events.stream().map(EventRecord::id).toList();
  }

  private static String json(Investigation inv) throws IOException {
    StringWriter w = new StringWriter();
    InvestigationJson.write(inv, w);
    return w.toString();
  }
}
