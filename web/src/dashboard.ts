// Placeholder until the dashboard aggregates are in the schema.
export {};
