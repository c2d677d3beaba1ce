"""Where things are: the repository's folders that the commands read and write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..schema.files import DATA_FOLDER

GENERATED_FOLDERS = ("places", "themes", "lessons", "enablers", "programmes", "regions", "sources", "map", "data",
                     "generated", "contribute", "quotes")
"""Top-level folders of the docs folder that belong to the generator; everything in them is rewritten."""


@dataclass(frozen=True)
class Project:
    """Where things are: the repository root and the folders the build reads and writes."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_FOLDER

    @property
    def docs_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"

    @property
    def lock_file(self) -> Path:
        return self.root / ".build.lock"
