"""What a data file may hold, declared once: ids, field types, the place file's model, the
vocabularies' models, the JSON Schema made from them, where the files live, and England's outline
(a place's point must lie inside it)."""
