"""Where the data lives and what every place file starts with: the names the loader, the ``new``
skeleton, the contribute form and the pages' edit links share."""

from __future__ import annotations

DATA_FOLDER = "site-data"
"""The data folder, relative to the repository root."""
PLACES_FOLDER = "places"
"""The place files' folder, inside the data folder: one ``<slug>.yaml`` per place."""
PLACES_PATH = f"{DATA_FOLDER}/{PLACES_FOLDER}"
"""The place files' folder relative to the repository root (for edit links and the form)."""
SCHEMA_FILE = "place.schema.json"
"""The JSON Schema's name, both in the data folder and in the published data/ folder."""
MODELINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"
"""The first line of every place file: where editors find the schema, relative to the places folder."""
SNIPPETS_FOLDER = "generated"
"""The folder of the docs folder (content/) that holds the generated snippets the hand-written pages
include (``--8<-- "<name>.md"``): the snippets' only base folder (mkdocs.yml), git-ignored."""
PLACEHOLDER = "FILL IN"
"""What ``new`` writes where only the contributor knows the value; validation names each one left."""
