"""The DuckDB side of the warehouse: schema SQL, catalog seeds, connections, publishing, exports."""
