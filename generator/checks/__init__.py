"""Stage one of the build: read site-data/ safely and check it into the site model, or stop with
every problem as ``file:line:column: field: message``. ``validate.load_site`` is the entry."""
