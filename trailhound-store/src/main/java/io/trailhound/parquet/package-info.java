/**
 * DuckDB readers of columnar logs for the core sources (VPC Flow Logs delivered as Parquet). Kept
 * out of {@code io.trailhound.store} because they implement a source interface, which the store
 * itself must not depend on.
 */
package io.trailhound.parquet;
