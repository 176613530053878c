"""PostgreSQL only: the unaccent extension and the GIN index on the practices' tsvector (see search.py). On SQLite
(development) neither exists and search uses the folded text columns."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class OnPostgreSQL(migrations.operations.base.Operation):
    """Run `operation` only when the database is PostgreSQL (the state is not changed either way)."""

    reduces_to_sql = False
    reversible = True

    def __init__(self, operation):
        self.operation = operation

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"On PostgreSQL: {self.operation.describe()}"


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [
        OnPostgreSQL(UnaccentExtension()),
        OnPostgreSQL(
            migrations.RunSQL(
                "CREATE INDEX practices_practice_search_vector_gin ON practices_practice USING gin (search_vector)",
                "DROP INDEX IF EXISTS practices_practice_search_vector_gin",
            )
        ),
    ]
