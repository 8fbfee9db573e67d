-- What the Admin shows about the live catalogue: where it came from (the command line or an import job) and how many
-- releases each year holds (the dashboard's releases-per-decade chart; the discovery routes read it too).
ALTER TABLE graph.catalog_info ADD COLUMN origin TEXT;

CREATE TABLE graph.release_years (year INTEGER PRIMARY KEY, releases INTEGER NOT NULL);
-- A catalogue imported before this migration gets its counts now; later imports build them with everything else.
INSERT INTO graph.release_years (year, releases) SELECT year, count(*) FROM graph.releases WHERE year IS NOT NULL GROUP BY year;
