/** The embedded DuckDB event and finding store. */
package io.trailhound.store;
