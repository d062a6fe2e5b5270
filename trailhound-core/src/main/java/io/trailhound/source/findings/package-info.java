/**
 * Other tools' findings, read as {@link io.trailhound.source.findings.ExternalFinding}s: GuardDuty
 * (a finding, an array, {@code get-findings} output, EventBridge {@code GuardDuty Finding} events),
 * Security Hub ASFF ({@code {"Findings":[...]}}, arrays, EventBridge {@code Security Hub Findings -
 * Imported}) and Inspector ({@code list-findings} output). The {@code scan} stage turns them into
 * findings marked with their provider; this package knows nothing of that model.
 */
package io.trailhound.source.findings;
