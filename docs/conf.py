# SPDX-License-Identifier: MIT
"""Sphinx configuration: MyST Markdown, furo, autodoc with Napoleon, doctest."""

from __future__ import annotations

project = "iprmodel"
author = "iprmodel developers"
copyright = "2026, iprmodel developers"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "**/node_modules"]
html_theme = "furo"
html_title = "iprmodel"
language = "en"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
# No intersphinx: the docs build offline, and -W must not depend on the network.
nitpicky = False
