"""Stage three: render the site model into Markdown pages (and the data files published beside them).

``environment`` is the Jinja environment every page is rendered with; each other module makes one
kind of page (``places``, ``indexes``, ``sources``, ``narrative`` and ``home`` for the hand-written
pages' snippets, ``opendata``, ``contribute``, ``map``) from the model, and none imports another.
Their templates are in ``generator/templates/``."""
