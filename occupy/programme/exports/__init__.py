"""The programme in the formats other software reads: iCalendar, the frab/c3voc schedule (XML and JSON)
and schema.org JSON-LD. Every export is built from the rows that `queries` loads, in a fixed number of
queries, and served through the page cache."""
