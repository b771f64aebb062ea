"""The prebuild of a whole xdist run (conftest.pytest_sessionstart): makes the shared outputs,
conftest.SHARED, in order, each under the lock it was handed open (`<name>=<descriptor>`), and
lets each lock go once its folder is done. A folder that failed is left without its `.done`
mark: the first worker to need it makes it again and reports the failure in a test."""

import os
import sys
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # where pytest finds conftest and its helpers

import conftest  # noqa: E402


def main(root: Path, held: list[str]) -> None:
    warnings.simplefilter("error")  # as pyproject.toml's filterwarnings has it in the tests
    for pair in held:
        name, lock = pair.split("=")
        try:
            conftest.make_shared(root, name)
        except BaseException:  # reported by the worker that makes it again
            traceback.print_exc()
        finally:
            os.close(int(lock))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
