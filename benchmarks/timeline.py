"""The timeline of one cold build (not a test): which task runs when on which worker, when the
build's own process finishes its serial work, and how long each core idles.

usage: python benchmarks/timeline.py [--jobs N] [organisation.yaml …]   (default: the five shipped bodies, 2)

The build runs in this process, as `policygen build --silencieux`. Its workers run this script again
before their first task (multiprocessing's « main » fix-up, see publishing/build.py), so the wrappers
below are in place there too: each task's start, end and CPU seconds, and the main process's stages,
are appended to a log, nothing is timed inside policygen. Times are seconds from this script's start
(its imports included, as a `policygen build` pays them); on a shared machine compare the CPU seconds.
"""

from __future__ import annotations

import time

START = time.time()  # before policygen is imported: a command pays its imports

import functools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import policygen.publishing.build as build  # noqa: E402
import policygen.publishing.service as service  # noqa: E402
from build import ORGANISATIONS, own_cpu  # noqa: E402 - benchmarks/build.py, beside this script

LOG = "POLICYGEN_TIMELINE_LOG"  # read by this script only, in the build's process and its workers


def _record(**event) -> None:
    with open(os.environ[LOG], "a", encoding="utf-8") as log:
        log.write(json.dumps({"pid": os.getpid(), **event}) + "\n")


def _timed(module, name: str, label) -> None:
    """Replace `module.name` by a wrapper that records each call's start, end and CPU seconds."""
    inner = getattr(module, name)

    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        start, cpu = time.time(), time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            _record(what=label(*args), start=start, end=time.time(), cpu=time.process_time() - cpu,
                    total=time.process_time())
    setattr(module, name, wrapper)


def _task(task) -> str:
    job = task[0]
    return f"{job.path.parent.name.split('-', 2)[2].rsplit('-', 1)[0]} {job.document.kind} {'+'.join(j.fmt for j in task)}"


def _wrap() -> None:
    _timed(build, "write_task", _task)
    _timed(service, "library", lambda folder: "bibliothèque (chargement, vérification)")
    _timed(service, "load_all", lambda paths, lib: "fichiers d’organisation")
    _timed(service, "documents_for", lambda item, lib, documents: f"assemblage {item.slug}")
    _timed(service, "findings", lambda item, documents, lib: f"constats {item.slug}")


if __name__ == "__mp_main__" and LOG in os.environ:  # this script run again in a worker
    _wrap()
    _record(what="processus de travail prêt", start=time.time(), end=time.time(), cpu=0.0, total=time.process_time())


def main() -> None:
    from policygen.cli.main import main as cli

    args = sys.argv[1:]
    jobs = "2"
    if "--jobs" in args:
        at = args.index("--jobs")
        jobs = args[at + 1]
        del args[at:at + 2]
    files = args or [str(p) for p in ORGANISATIONS]
    with tempfile.TemporaryDirectory(prefix="policygen-timeline-") as folder:
        log = Path(folder) / "log.jsonl"
        os.environ[LOG] = str(log)
        os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
        imported = time.time()
        _wrap()
        try:
            cli(["build", *files, "--out", str(Path(folder) / "sortie"), "--jobs", jobs, "--silencieux"],
                standalone_mode=False)
        finally:
            end, cpu = time.time(), time.process_time()
            server = _forkserver_cpu()
            events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    report(events, imported, end, cpu, server, os.getpid(), int(jobs))


def _forkserver_cpu() -> float:
    """The CPU seconds of the build's fork server (the writers' imports, before any worker forks)."""
    import multiprocessing.forkserver

    pid = multiprocessing.forkserver._forkserver._forkserver_pid  # noqa: SLF001 - a measure, not policygen
    if pid is None:
        return 0.0
    return own_cpu(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split())


def report(events: list[dict], imported: float, end: float, main_cpu: float, server_cpu: float, main_pid: int,
           jobs: int) -> None:
    wall = end - START
    print(f"importations jusqu’à {imported - START:5.2f} s")
    lanes: dict[int, list[dict]] = {}
    for event in sorted(events, key=lambda e: e["start"]):
        lanes.setdefault(event["pid"], []).append(event)
    workers = [pid for pid in lanes if pid != main_pid]
    names = {main_pid: "principal", **{pid: f"travail {n}" for n, pid in enumerate(workers, 1)}}
    for pid, lane in lanes.items():
        print(f"\n{names[pid]} (pid {pid})")
        for event in lane:
            print(f"  {event['start'] - START:6.2f} → {event['end'] - START:6.2f} s  {event['cpu']:5.2f} s proc.  "
                  f"{event['what']}")
    busy = {}
    print(f"\ndurée {wall:.2f} s ; processeur du processus principal {main_cpu:.2f} s")
    for pid in workers:
        tasks = [e for e in lanes[pid] if e["what"] != "processus de travail prêt"]
        first = min(e["start"] for e in tasks)
        last = max(e["end"] for e in tasks)
        gaps = sum(max(0.0, b["start"] - a["end"]) for a, b in zip(tasks, tasks[1:]))
        busy[pid] = sum(e["cpu"] for e in tasks)
        print(f"{names[pid]} : première tâche à {first - START:.2f} s, dernière finie à {last - START:.2f} s "
              f"(reste {end - last:.2f} s avant la fin) ; processeur des tâches {busy[pid]:.2f} s ; "
              f"entre deux tâches {gaps:.2f} s")
    serial = max((e["end"] for e in lanes.get(main_pid, []) if e["what"].startswith(("assemblage", "constats"))),
                 default=START)
    print(f"processus principal : dernier assemblage fini à {serial - START:.2f} s")
    used = main_cpu + server_cpu + sum(busy.values())
    print(f"{jobs} cœurs × {wall:.2f} s = {jobs * wall:.2f} s ; processeur compté {used:.2f} s "
          f"(principal {main_cpu:.2f} + serveur de processus {server_cpu:.2f} + tâches {sum(busy.values()):.2f}) ; "
          f"inoccupé (ou pris par d’autres programmes) ≈ {jobs * wall - used:.2f} s")


if __name__ == "__main__":
    main()
