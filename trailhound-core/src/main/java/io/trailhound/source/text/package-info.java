/**
 * Plumbing shared by the line-oriented readers (VPC Flow Logs, Route 53 Resolver logs): gzip by
 * magic bytes, splitting a stream into lines without decoding it, messages out of CloudWatch Logs
 * exports, and thread-safe skip counting.
 */
package io.trailhound.source.text;
