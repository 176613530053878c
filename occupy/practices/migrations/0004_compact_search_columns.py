"""PostgreSQL only: what makes a broad search fast at ten thousand practices (see search.py and queries.py).

- The tsvector is kept in the row (STORAGE MAIN) rather than moved out to the TOAST table: every matching row is
  ranked, and fetching ten thousand out-of-line vectors cost more than the search itself.
- `facet_array`, the facet keys as a text array (written with the tsvector by `search.vector_sql`): the facet
  counts unnest it about twice as fast as the JSON array. It is not in the model: the ORM never reads or writes it.

The vectors are computed again so that the existing rows move into the table too. On SQLite nothing changes.
"""

from django.db import migrations

FORWARDS = [
    "ALTER TABLE practices_practice ALTER COLUMN search_vector SET STORAGE MAIN",
    "ALTER TABLE practices_practice ADD COLUMN facet_array text[]",
    "UPDATE practices_practice SET "
    "search_vector = setweight(to_tsvector('english', unaccent(search_title)), 'A') || "
    "setweight(to_tsvector('english', unaccent(search_body)), 'B'), "
    "facet_array = ARRAY(SELECT jsonb_array_elements_text(facet_keys))",
]
BACKWARDS = [
    "ALTER TABLE practices_practice DROP COLUMN facet_array",
    "ALTER TABLE practices_practice ALTER COLUMN search_vector SET STORAGE EXTENDED",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_facet_keys")]

    operations = [migrations.RunPython(run(FORWARDS), run(BACKWARDS))]
