"""Whole builds, timed against issue 21's targets (run: make bench; not a test).

In one run: a cold build, a build with nothing changed and a build after one clause
changed, for the five organisations and for 80 synthetic organisations derived from
them (other names, kinds and choices); WeasyPrint alone on the same HTML in one
process; the pandoc route when pandoc is installed; the time of each stage of one
process building the five organisations serially. Builds run as `policygen build`
in a child process; their peak memory is the largest sum of the resident memory of
that process and its workers, sampled every 0.1 s. The machine may be shared: the
figures are noisy, compare them within one run (the ratios), with the load printed.

The summary sets side by side A (cold build, five organisations), L (WeasyPrint alone),
P (the pandoc route), N (nothing changed) and the 80 organisations, against the targets
A/L <= 0.7, A/P <= 0.3, N/A <= 0.05, 80 organisations cold <= 90 s and <= 600 MB.
The machine's speed drifts by a third within minutes, so A and L are measured in PAIRS
alternated pairs (A, L, A, L): A/L is the median of each pair's ratio, measured seconds
apart, and the ratio of their CPU seconds is given beside it.

usage: python benchmarks/build.py [--sans-80]
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORGANISATIONS = sorted((ROOT / "organisations").glob("*.yaml"))
POLICYGEN = [sys.executable, "-m", "policygen"]
SYNTHETIC = 80
PAIRS = 2  # cold builds of the five organisations, each followed by WeasyPrint alone
KINDS = ("etablissement_sante", "ordre_professionnel", "autre")
CHOICES = {"usage_personnel_au_travail": ("interdit", "hors_heures", "permis"),
           "amitie_usagers": ("interdite", "deconseillee"), "cyberintervention": ("oui", "non"),
           "comptes_separes": ("oui", "non"), "partage_fichiers_internes": ("oui", "non")}
PAGE = os.sysconf("SC_PAGE_SIZE")


TICKS = os.sysconf("SC_CLK_TCK")


def own_cpu(fields: list[str]) -> float:
    """The CPU seconds a process has used itself (utime and stime), from the fields of its /proc/<pid>/stat
    after the command's name."""
    return (int(fields[11]) + int(fields[12])) / TICKS


def tree_sample(root: int, cpu: dict[int, float]) -> int:
    """Resident bytes of process `root` and all its descendants; records in `cpu` the CPU seconds
    each has used so far, so that a build's workers (children of its fork server) count too."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu[pid] = own_cpu(fields)
        except OSError:
            pass
        stack += children.get(pid, [])
    return total


def measured(command: list[str], cwd: Path) -> tuple[float, int, float, str]:
    """(seconds, peak bytes of the process tree, CPU seconds of the tree, standard output) of `command`.

    The CPU seconds hold on a shared machine where the wall clock does not: the sum over the
    process and its workers, each as last sampled (a worker's last 0.1 s may be missed)."""
    peak = 0
    cpu: dict[int, float] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_sample(process.pid, cpu))
            time.sleep(0.1)
    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        raise SystemExit(f"échec de {' '.join(command)} :\n{out}{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    main = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime  # the command itself, whole
    return seconds, peak, main + sum(v for pid, v in cpu.items() if pid != process.pid), out


def written(output: str) -> int:
    """Files written, summed over the « → dossier/ (N fichiers) » lines of a build."""
    return sum(int(n) for n in re.findall(r"\((\d+) fichiers?\)", output))


def synthetic(folder: Path) -> list[Path]:
    """SYNTHETIC organisation files derived from the five, each with its own name, kind and choices.

    A kind whose clauses need values the base file lacks is put back."""
    from policygen.assembly.assemble import documents_for_all
    from policygen.assembly.inputs import load_all
    from policygen.library.loader import load_library

    library = load_library()
    paths = []
    for index in range(SYNTHETIC):
        base = ORGANISATIONS[index % len(ORGANISATIONS)]
        text = base.read_text(encoding="utf-8")
        text = re.sub(r"^  nom: .*$", f"  nom: Organisme synthétique numéro {index + 1}", text, count=1, flags=re.M)
        text = re.sub(r"^  nom_court: \S+", f"  nom_court: OS{index + 1}", text, count=1, flags=re.M)
        for rank, (key, values) in enumerate(CHOICES.items()):
            text = re.sub(rf"^  {key}: \S+", f"  {key}: {values[(index // 5 + rank) % len(values)]}", text,
                          count=1, flags=re.M)
        kinded = re.sub(r"^  type: \S+", f"  type: {KINDS[(index // 5) % len(KINDS)]}", text, count=1, flags=re.M)
        path = folder / f"synthetique-{index + 1:02d}.yaml"
        path.write_text(kinded, encoding="utf-8")
        loaded, problems = load_all([path], library)
        if problems or documents_for_all(loaded, library, list(library.documents))[1]:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def one_clause_changed(library: Path) -> str:
    """Append a sentence to the first clause that names a single document with no word budget (a
    library at its budget, as the fiche's and the nétiquette's are, would refuse it); return that
    document. A clause ending in a template tag is skipped: the library's lint refuses a paragraph
    its tag absorbs."""
    for clause in sorted((library / "clauses").rglob("*.md")):
        text = clause.read_text(encoding="utf-8")
        named = re.search(r"^documents: *\{([^}]*)\}", text, re.M)
        if named and named.group(1).count(":") == 1 and not text.rstrip().endswith("%}"):
            document = named.group(1).split(":")[0].strip()
            if "budget_mots" not in (library / "outlines" / f"{document}.yaml").read_text(encoding="utf-8"):
                clause.write_text(text.rstrip("\n") + "\n\nPhrase ajoutée pour la mesure.\n", encoding="utf-8")
                return document
    raise SystemExit("aucune clause propre à un seul document")


def cold_build(files: list[Path], scratch: Path, label: str,
               rows: list[tuple[str, float, int, float, str]]) -> tuple[list[str], float, int, float]:
    """A cold build into a new output folder: (its command, seconds, peak bytes, CPU seconds)."""
    library = scratch / f"bibliotheque-{label}"
    shutil.copytree(ROOT / "templates", library)
    out = scratch / f"sortie-{label}"
    command = [*POLICYGEN, "build", *map(str, files), "--out", str(out), "--bibliotheque", str(library), "--silencieux"]
    cold, cold_peak, cpu, output = measured(command, scratch)
    rows.append((f"{label} : à froid", cold, cold_peak, cpu, f"{written(output)} fichiers"))
    return command, cold, cold_peak, cpu


def three_builds(files: list[Path], scratch: Path, label: str,
                 rows: list[tuple[str, float, int, float, str]]) -> tuple[float, int, float]:
    """(cold seconds, cold peak bytes, nothing-changed seconds)."""
    command, cold, cold_peak, _ = cold_build(files, scratch, label, rows)
    return cold, cold_peak, warm_builds(command, scratch, label, cold, rows)


def warm_builds(command: list[str], scratch: Path, label: str, cold: float,
                rows: list[tuple[str, float, int, float, str]]) -> float:
    """After a cold build by `command`: a build with nothing changed, then one after a clause changed;
    the nothing-changed seconds."""
    library = Path(command[command.index("--bibliotheque") + 1])
    noop, peak, cpu, output = measured(command, scratch)
    rows.append((f"{label} : rien de changé", noop, peak, cpu, f"{100 * noop / cold:.1f} % du froid"))
    document = one_clause_changed(library)
    seconds, peak, cpu, output = measured(command, scratch)
    rows.append((f"{label} : une clause ({document})", seconds, peak, cpu, f"{written(output)} fichiers refaits"))
    return noop


def print_pages(scratch: Path) -> list[Path]:
    """policygen's print pages of the five organisations' documents, as HTML files."""
    from policygen.assembly.assemble import documents_for
    from policygen.assembly.inputs import load_all
    from policygen.library.loader import load_library
    from policygen.writers.html import render_html
    from policygen.writers.options import WriterOptions

    library = load_library()
    loaded, _ = load_all(ORGANISATIONS, library)
    pages = []
    for item in loaded:
        for document in documents_for(item, library, list(library.documents)):
            page = scratch / "html" / f"{item.slug}-{document.kind}.html"
            page.parent.mkdir(exist_ok=True)
            page.write_text(render_html(document, WriterOptions(media="print")), encoding="utf-8")
            pages.append(page)
    return pages


def weasyprint_alone(pages: list[Path]) -> tuple[float, float]:
    """WeasyPrint turning `pages` into PDF/UA in one process, as a user's script would: (seconds, CPU
    seconds), its imports not counted. A new process each time, so that every measure starts alike."""
    from policygen.resources import TEMPLATES

    script = ("import sys, time\nfrom weasyprint import HTML\n"
              "start, cpu = time.perf_counter(), time.process_time()\n"
              "for page in sys.argv[2:]:\n"
              "    HTML(filename=page, base_url=sys.argv[1]).write_pdf(page[:-5] + '.pdf', pdf_variant='pdf/ua-1')\n"
              "print(time.perf_counter() - start, time.process_time() - cpu)\n")
    out = subprocess.run([sys.executable, "-c", script, str(TEMPLATES) + "/", *map(str, pages)],
                         check=True, capture_output=True, text=True).stdout
    seconds, cpu = map(float, out.split())
    return seconds, cpu


def pandoc_route(pages: list[Path]) -> float | None:
    """pandoc writing DOCX, HTML and PDF (WeasyPrint engine) from the same pages, or None without pandoc."""
    if shutil.which("pandoc") is None:
        return None
    engine = Path(sys.executable).parent / "weasyprint"
    start = time.perf_counter()
    for page in pages:
        for suffix, extra in ((".docx", []), (".pandoc.html", ["--standalone"]),
                              (".pandoc.pdf", [f"--pdf-engine={engine}"])):
            subprocess.run(["pandoc", str(page), "-o", str(page.with_suffix(suffix)), *extra],
                           check=True, capture_output=True)
    return time.perf_counter() - start


def stages(scratch: Path) -> list[tuple[str, float]]:
    """Seconds of each stage of one process building the five organisations serially (a Word file's
    seconds are its writer's own: its PDF's layout is counted in the PDF's)."""
    from policygen.assembly.assemble import documents_for
    from policygen.assembly.inputs import load_all
    from policygen.library.loader import load_library
    from policygen.writers import WRITERS
    from policygen.writers.pdf import release_layouts

    def python(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start
    imports = ("import policygen.cli.main, policygen.writers.pdf, policygen.writers.docx.document")
    times = [("importations (processus neuf)", python(imports) - python("pass"))]
    load_library.cache_clear()
    start = time.perf_counter()
    library = load_library()
    times.append(("bibliothèque (chargement + vérification)", time.perf_counter() - start))
    start = time.perf_counter()
    loaded, _ = load_all(ORGANISATIONS, library)
    documents = [d for item in loaded for d in documents_for(item, library, list(library.documents))]
    times.append(("assemblage (15 documents)", time.perf_counter() - start))
    # As a build's task writes them: a document's PDF first, which lays it out, then its Word file, which
    # takes that layout's page numbers and columns (the Word stage alone would lay every document out).
    order = sorted(WRITERS, key=lambda fmt: ("pdf", "docx").index(fmt) if fmt in ("pdf", "docx") else 2)
    spent = dict.fromkeys(order, 0.0)
    for number, document in enumerate(documents):
        for fmt in order:
            start = time.perf_counter()
            WRITERS[fmt](document, scratch / f"etape-{number}.{fmt}")
            spent[fmt] += time.perf_counter() - start
        release_layouts()
    times += [(f"écriture {fmt.upper()} ({len(documents)} fichiers)", spent[fmt]) for fmt in WRITERS]
    return times


def load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 1)[0] if Path("/proc/loadavg").exists() else "?"


def ratio(label: str, value: float, target: float) -> str:
    return f"{label} = {value:.2f} (cible ≤ {target}) {'atteinte' if value <= target else 'MANQUÉE'}"


def main() -> None:
    rows: list[tuple[str, float, int, float, str]] = []
    loads = [load()]
    many = None
    with tempfile.TemporaryDirectory(prefix="policygen-bench-") as folder:
        scratch = Path(folder)
        pages = print_pages(scratch)
        paired: list[tuple[float, float, float, float]] = []  # (A seconds, A CPU, L seconds, L CPU), alternated
        for number in range(1, PAIRS + 1):
            command, cold, _, cold_cpu = cold_build(ORGANISATIONS, scratch, f"5 organismes ({number}/{PAIRS})", rows)
            alone, alone_cpu = weasyprint_alone(pages)
            rows.append((f"WeasyPrint seul, {len(pages)} pages ({number}/{PAIRS})", alone, 0, alone_cpu, "1 processus"))
            paired.append((cold, cold_cpu, alone, alone_cpu))
        noop5 = warm_builds(command, scratch, "5 organismes", cold, rows)
        if "--sans-80" not in sys.argv:
            (scratch / "synthetiques").mkdir()
            many = three_builds(synthetic(scratch / "synthetiques"), scratch, f"{SYNTHETIC} organismes", rows)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        pandoc = pandoc_route(pages)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rows.append((f"pandoc : DOCX, HTML et PDF des {len(pages)} pages", pandoc or 0.0, 0,
                     after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
                     "" if pandoc else "pandoc absent"))
        stage_rows = stages(scratch)
    loads.append(load())
    print(f"\n{'mesure':<46}{'durée':>10}{'processeur':>12}{'mémoire max':>14}  remarque")
    for label, seconds, peak, cpu, note in rows:
        memory = f"{peak / 1e6:.0f} Mo" if peak else "—"
        print(f"{label:<46}{seconds:9.1f} s{cpu:10.1f} s{memory:>14}  {note}")
    print("(processeur : secondes de processeur du processus et de ses processus de travail, "
          "qui tiennent quand la machine est chargée)")
    print(f"\n{'étape (un processus, 5 organismes, en série)':<46}{'durée':>10}")
    for label, seconds in stage_rows:
        print(f"{label:<46}{seconds:9.2f} s")
    cold5, alone = (statistics.median(run[k] for run in paired) for k in (0, 2))
    print(f"\nEn regard (5 organismes, mêmes pages ; A et L mesurés {PAIRS} fois chacun, en alternance A, L, A, L… ;"
          " médianes) :")
    print(f"  A  build à froid          {cold5:7.1f} s   (de {min(r[0] for r in paired):.1f} à "
          f"{max(r[0] for r in paired):.1f} s ; processeur {statistics.median(r[1] for r in paired):.1f} s)")
    print(f"  L  WeasyPrint seul        {alone:7.1f} s   (de {min(r[2] for r in paired):.1f} à "
          f"{max(r[2] for r in paired):.1f} s ; processeur {statistics.median(r[3] for r in paired):.1f} s)")
    print(f"     {ratio('A/L', statistics.median(a / l for a, _, l, _ in paired), 0.7)}, médiane des rapports de chaque "
          f"paire ({', '.join(f'{a / l:.2f}' for a, _, l, _ in paired)}) ; "
          f"en secondes de processeur, A/L = {sum(r[1] for r in paired) / sum(r[3] for r in paired):.2f}")
    if pandoc:
        print(f"  P  pandoc                 {pandoc:7.1f} s   {ratio('A/P', cold5 / pandoc, 0.3)}")
    else:
        print("  P  pandoc absent (make bench l’installe en root)")
    print(f"  N  rien de changé         {noop5:7.1f} s   {ratio('N/A', noop5 / cold5, 0.05)}")
    if many:
        seconds, peak, _ = many
        verdict = "atteinte" if seconds <= 90 and peak <= 600e6 else "MANQUÉE"
        print(f"  {SYNTHETIC} organismes à froid   {seconds:7.1f} s   {seconds / 90:.2f} du temps permis, "
              f"{peak / 1e6:.0f} Mo soit {peak / 600e6:.2f} de la mémoire permise (cible ≤ 90 s et ≤ 600 Mo) {verdict} ; "
              f"par organisme, {seconds / SYNTHETIC / (cold5 / len(ORGANISATIONS)):.2f} fois A")
    print(f"\n{os.cpu_count()} cœurs ; charge moyenne sur 1 min au début et à la fin : {loads[0]} et {loads[1]} "
          "(machine possiblement partagée : comparez les rapports d’une même exécution).")


if __name__ == "__main__":
    main()
