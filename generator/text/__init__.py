"""Rules about text that every stage uses: characters that hide or disguise text (``hidden``), names
that only look different (``lookalikes``), and escaping values for the pages we write (``escape``)."""
