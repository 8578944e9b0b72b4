-- Schema 5: indexes for the register's other sorts and filters at a million suppliers
-- (bench/bench_register_ui: sort by workers in the middle of the list went from seconds to milliseconds).
CREATE INDEX suppliers_status_name ON suppliers (status, name_key);
CREATE INDEX suppliers_workers_name ON suppliers (coalesce(workers_max, workers_min), name_key);
CREATE INDEX suppliers_migrant_name ON suppliers (migrant_share, name_key);
CREATE INDEX suppliers_spend_name ON suppliers (annual_spend, name_key);
