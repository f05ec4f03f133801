# SPDX-License-Identifier: MIT
"""Root pytest configuration: what to collect besides tests/ and plugins/*/tests."""

from __future__ import annotations

# Sphinx's configuration is not a test module.
collect_ignore = ["docs/conf.py"]
