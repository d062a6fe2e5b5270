package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.Event;
import io.trailhound.event.EventView;
import io.trailhound.event.Origin;
import io.trailhound.event.TreeFields;
import io.trailhound.source.JsonRecord;
import io.trailhound.source.RecordRejected;
import io.trailhound.source.SkipReason;
import io.trailhound.source.findings.AsffFindings;
import io.trailhound.source.findings.ExternalFinding;
import io.trailhound.source.findings.GuardDutyFindings;
import io.trailhound.source.findings.InspectorFindings;
import io.trailhound.source.m365.SignInNormaliser;
import io.trailhound.source.m365.UnifiedAuditNormaliser;
import io.trailhound.source.okta.OktaNormaliser;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Turns a record of another log type into an event, or a finding of another tool into an {@link
 * ExternalFinding}. These records are small and rare next to CloudTrail's, so each is parsed into a
 * tree (its fields for rules) rather than captured while streaming. Events are deduplicated by
 * source type and id across the run, like CloudTrail's. Thread-safe.
 */
final class ForeignRecords {

  private final Jackson jackson;
  private final EventIdSet ids;
  private final ReportBuilder report;
  private final Consumer<ExternalFinding> findings;

  ForeignRecords(
      Jackson jackson, EventIdSet ids, ReportBuilder report, Consumer<ExternalFinding> findings) {
    this.jackson = jackson;
    this.ids = ids;
    this.report = report;
    this.findings = findings;
  }

  /** One record of {@code kind}; valid UTF-8 (the classifier checked). Never throws. */
  void handle(Foreign kind, byte[] raw, String location, long index, Consumer<Event> out) {
    Origin origin = new Origin(location, index);
    try {
      JsonNode tree = parse(raw);
      if (!tree.isObject()) {
        throw new RecordRejected(SkipReason.WRONG_TYPE, "record is not a JSON object");
      }
      switch (kind) {
        case OKTA ->
            event(OktaNormaliser.SOURCE_TYPE, OktaNormaliser.view(tree), raw, tree, out, origin);
        case M365_AUDIT ->
            event(
                UnifiedAuditNormaliser.SOURCE_TYPE,
                UnifiedAuditNormaliser.view(tree),
                raw,
                tree,
                out,
                origin);
        case ENTRA_SIGNIN ->
            event(
                SignInNormaliser.SOURCE_TYPE, SignInNormaliser.view(tree), raw, tree, out, origin);
        case GUARDDUTY -> finding(GuardDutyFindings.read(tree, origin));
        case ASFF -> finding(AsffFindings.read(tree, origin));
        case INSPECTOR -> finding(InspectorFindings.read(tree, origin));
        case SECURITYHUB_EVENT -> securityHubEvent(tree, location, index);
      }
    } catch (RecordRejected e) {
      report.skip(e.reason(), location, index, e.getMessage());
    } catch (RecordException e) {
      report.skip(e.reason(), location, index, e.getMessage());
    }
  }

  /** An EventBridge Security Hub event: each of {@code findings} on its own. */
  private void securityHubEvent(JsonNode detail, String location, long index)
      throws RecordRejected {
    JsonNode list = JsonRecord.at(detail, "findings");
    if (list == null || !list.isArray()) {
      throw new RecordRejected(SkipReason.MISSING_FIELD, "detail.findings is missing");
    }
    Origin origin = new Origin(location, index);
    for (JsonNode f : list) {
      try {
        if (!f.isObject()) {
          throw new RecordRejected(SkipReason.WRONG_TYPE, "finding is not a JSON object");
        }
        finding(AsffFindings.read(f, origin));
      } catch (RecordRejected e) {
        report.skip(e.reason(), location, index, e.getMessage());
      }
    }
  }

  private void event(
      String sourceType,
      EventView view,
      byte[] raw,
      JsonNode tree,
      Consumer<Event> out,
      Origin origin) {
    EventIdSet.Result r = ids.add(sourceType + ':' + view.eventId());
    if (r == EventIdSet.Result.DUPLICATE) {
      report.duplicates.increment();
      return;
    }
    if (r == EventIdSet.Result.UNCHECKED && ids.claimWarning()) {
      report.skip(
          SkipReason.DEDUPE_CAP_REACHED,
          origin.location(),
          origin.record(),
          "later ids not deduplicated");
    }
    report.events.increment();
    report.source(sourceType);
    out.accept(new Event(sourceType, origin, raw, view, new TreeFields(tree)));
  }

  private void finding(ExternalFinding f) {
    report.externalFindings.increment();
    findings.accept(f);
  }

  private JsonNode parse(byte[] raw) throws RecordException {
    try (JsonParser p = jackson.parser(raw)) {
      JsonNode tree = jackson.mapper.readTree(p);
      if (tree == null) {
        throw new RecordException(SkipReason.INVALID_JSON, "empty record");
      }
      if (p.nextToken() != null) {
        throw new RecordException(SkipReason.INVALID_JSON, "content after the record");
      }
      return tree;
    } catch (IOException e) {
      throw Jackson.classify(e);
    } catch (RuntimeException e) {
      throw new RecordException(SkipReason.INVALID_JSON, "unreadable: " + e.getClass().getName());
    }
  }
}
