"""`python -m policygen.library.translations [--signer]`: the English texts whose French has changed.

Lists each stale translation with the fingerprint it records and the French one now (exit 1 when
any); `--signer`, once a person has brought the English up to date, records the current French
fingerprints. Run it after merging changes to French clauses or rules.
"""

from __future__ import annotations

import sys

from .english import report, sign, stale
from .loader import load_library


def main(argv: list[str]) -> int:
    library = load_library()
    found = report(library)
    if "--signer" in argv:
        sign(library, [t.key for t in stale(library, library.english)])
    print("\n".join(found) or "Toutes les traductions anglaises sont à jour.")
    return 1 if found and "--signer" not in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
