"""The site model: the checked places and vocabularies joined once, with every index the pages need
(``site``), and what pages derive from it the same way everywhere: sources (``citations``), related
places (``related``) and counts (``counts``). ``Page`` is the unit the later stages write."""
