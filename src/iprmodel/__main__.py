# SPDX-License-Identifier: MIT
"""``python -m iprmodel``: the same as the ``iprmodel`` command."""

from iprmodel.cli import run

if __name__ == "__main__":
    run()
