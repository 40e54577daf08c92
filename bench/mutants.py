"""How much the tests prove: mutation testing of the core. Run by hand, never in CI:

    ./dev mutants                  # every core module below, then the review's mutants
    ./dev mutants text policy      # only these modules (and the review's mutants of them)
    ./dev mutants --jobs 1         # one test process at a time, on a busy machine

A mutant is the code with one small change; the tests kill it when one of them fails. A mutant
that survives is either a change no test notices (a test is missing) or one that changes nothing
a reader, an editor or a caller can see (an equivalent mutant; README lists those with a reason).

Two kinds of mutants:

- mutmut's: every operator, constant, string and call inside a function of the modules below,
  one group of modules at a time in its own copy of the project (mutants/<group>/), against the
  group's tests; of those, mutmut runs for each mutant the ones that reached the function it
  changes. tests/support/mutation.py leaves out site builds and browsers and caps property tests.
  mutmut does not change module-level code or functions under a decorator.
- the review's (REVIEW below, from the 2026-12-01 test review): changes mutmut cannot make, in
  module-level patterns and in templates, each run against the tests that should catch it.

Prints, for each module, how many mutants the tests killed and the names of the survivors
(`cd mutants/<group> && ../../.venv/bin/mutmut show <name>` shows one), then each review
mutant with its verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"
WORK = ROOT / "mutants"  # one copy of the project per group, where mutmut works (gitignored)


@dataclass(frozen=True)
class Group:
    """Modules mutated together, and the tests that are meant to catch their mistakes."""

    modules: dict[str, str]  # short name → file
    tests: tuple[str, ...]
    # A module's own tests (files, or tests as "file::name"), when fewer of the group's speak about
    # it: its mutants run only those, in this order (tests/support/mutation.py leaves the others out),
    # so name the module's unit tests first.
    module_tests: dict[str, tuple[str, ...]] = field(default_factory=dict)


TEXT_TESTS = ("tests/test_link_safety.py", "tests/test_text_golden.py", "tests/test_text_fast_path.py", "tests/test_bad_input.py")
# What kills text.py's mutants: the golden values, the link attributes and the fast path compared with
# Python-Markdown on random texts. The real and 50 synthetic guides' texts, the search sections and
# test_bad_input's every-field property test (10 to 22 s each) killed none besides (245 of 262 either
# way); without them the group ran in 10 minutes instead of 33, on a loaded machine.
TEXT_OWN_TESTS = (
    "tests/test_text_golden.py",
    "tests/test_link_safety.py",
    *(
        f"tests/test_text_fast_path.py::{name}"
        for name in (
            "test_texts_of_edge_characters_render_as_python_markdown_renders_them",
            "test_texts_built_from_the_grammar_render_as_python_markdown_renders_them",
            "test_every_text_one_edit_away_from_the_grammar_renders_as_python_markdown_renders_them",
        )
    ),
)
POLICY_TESTS = ("tests/test_address_cases.py", "tests/test_bad_input.py", "tests/test_validation.py")
SEARCH_TESTS = ("tests/test_search.py", "tests/test_search_index.py")
HANDOUT_TESTS = ("tests/test_handout_content.py", "tests/test_handout.py")
# test_handout.py's in-process tests render every guide or start worker processes (10 to 40 s each
# under mutmut); test_handout_data.py checks the same functions against literals in a few seconds.
HANDOUT_DATA_TESTS = ("tests/test_handout_data.py",)
PAGE_TESTS = ("tests/test_guide_pages.py",)
READING_TESTS = ("tests/test_messages.py", "tests/test_validation.py", "tests/test_editor_mistakes.py")
ENCODING_TESTS = tuple(
    f"tests/test_bad_input.py::{name}"
    for name in ("test_a_cp949_file_is_named_with_how_to_save_it_as_utf8", "test_a_euc_kr_file_gets_the_same_message", "test_a_utf8_bom_is_accepted", "test_decomposed_hangul_is_composed")
)

# Test files about content reading and checks; the content group also names test_check_cli.py and test_synthetic.py.
CONTENT_TEST_FILES = (
    "tests/test_problems.py",
    "tests/test_check_cases.py",
    "tests/test_loader.py",
    "tests/test_yaml_source.py",
    "tests/test_validation.py",
    "tests/test_messages.py",
    "tests/test_address_cases.py",
    "tests/test_policy_cases.py",
    "tests/test_bad_input.py",
    "tests/test_editor_mistakes.py",
)
# The checks and messages run the group's tests but the fast YAML parser's comparison (30 s under
# mutmut), which parses twice with the same checks after it and so cannot tell a checks mutant apart
# (and test_check_cli.py, whose tests all start the command and are left out of mutation runs).
CHECK_TESTS = (
    *CONTENT_TEST_FILES,
    *(
        f"tests/test_synthetic.py::{name}"
        for name in (
            "test_every_synthetic_guide_compiles_without_an_error",
            "test_synthetic_guides_vary_within_the_promised_ranges",
            "test_synthetic_guides_link_only_to_official_domains_and_were_reviewed_recently",
            "test_same_seed_writes_identical_files_and_another_seed_does_not",
        )
    ),
)

# Each group's tests are the in-process ones that speak about its modules; mutmut runs, for each
# mutant, those of them that reached the mutated function.
GROUPS = {
    "content": Group(
        {
            "loader": "generator/content/loader.py",
            "yaml_source": "generator/content/yaml_source.py",
            "check": "generator/content/check.py",
            "policy": "generator/content/policy.py",
            "problems": "generator/content/problems.py",
        },
        (*CONTENT_TEST_FILES, "tests/test_check_cli.py", "tests/test_synthetic.py"),
        {
            "loader": ("tests/test_loader.py", *READING_TESTS, *ENCODING_TESTS),
            "yaml_source": (
                "tests/test_yaml_source.py",
                "tests/test_loader.py",
                *READING_TESTS,
                *ENCODING_TESTS,
                "tests/test_synthetic.py::test_fast_yaml_parse_gives_the_same_values_and_positions_as_pure_python",
            ),
            "check": CHECK_TESTS,
            "policy": CHECK_TESTS,
            "problems": CHECK_TESTS,
        },
    ),
    "text": Group({"text": "generator/content/text.py"}, TEXT_TESTS, {"text": TEXT_OWN_TESTS}),
    "search": Group({"analysis": "generator/search/analysis.py"}, SEARCH_TESTS),
    "handout": Group(
        {"handout": "generator/handout/document.py", "keepall": "generator/handout/keepall.py", "address": "generator/handout/address.py"},
        HANDOUT_DATA_TESTS,
    ),
}
MODULES = {name: file for group in GROUPS.values() for name, file in group.modules.items()}
# mutmut's verdicts (its exit codes); a mutant the tests time out on is caught too.
KILLED = {1: "killed", 3: "killed", 24: "timeout", -24: "timeout", 36: "timeout", 152: "timeout", 255: "timeout"}
NOT_RUN = {None: "not checked", 34: "skipped", 37: "caught by type check"}
# A mutant that loops for ever (Markdown without its paragraph parser) is stopped after 6 times the
# wall time its tests took in mutmut's first run (12 times their CPU time); mutmut's 15 made that one
# mutant cost 20 minutes, and 3 stopped a slow survivor while other sessions loaded the machine.
MUTMUT_CONFIG = """
[tool.mutmut]
source_paths = ["generator"]
only_mutate = {files}
also_copy = ["content", "mkdocs.yml", "overrides"]
timeout_multiplier = 6.0
pytest_add_cli_args = ["-p", "tests.support.mutation", "-p", "no:cacheprovider", "--hypothesis-seed=0", {own_tests}]
pytest_add_cli_args_test_selection = {tests}
"""


@dataclass(frozen=True)
class Mutant:
    """One change mutmut cannot make: `old` replaced by `new` (each must occur once) in `path`."""

    name: str
    module: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]  # those that exist are run; site builds and browsers only where `built` is true
    built: bool = False


HANDOUT_TEMPLATE = "generator/handout/templates/handout.html.j2"

REVIEW = (
    Mutant("T05 link address admits a quote", "text", "generator/content/text.py", '_URL = r"[A-Za-z0-9\\-._~:/?#@!$+,;=%]+"', '_URL = r"[A-Za-z0-9\\-._~:/?#@!$+,;=%\\"]+"', TEXT_TESTS),
    Mutant("T14 autolinks not rendered", "text", "generator/content/text.py", '"link", "autolink", ', '"link", ', TEXT_TESTS),
    Mutant("C02 a tag needs its '>'", "policy", "generator/content/policy.py", "[^<>\\n]{0,40}>?\")", "[^<>\\n]{0,40}>\")", POLICY_TESTS),
    Mutant("C03 numeric references allowed", "policy", "generator/content/policy.py", "|#[0-9]+|", "|", POLICY_TESTS),
    Mutant("C11 URL fields not checked as URLs", "policy", "generator/content/policy.py", 'is_url_field = loc[-1] == "url"', "is_url_field = False", POLICY_TESTS),
    Mutant("C12 upper-case addresses skipped", "policy", "generator/content/policy.py", "[A-Za-z0-9-]\\.[A-Za-z]", "[a-z0-9-]\\.[a-z]", POLICY_TESTS),
    Mutant("A01 underscores kept in search keys", "analysis", "generator/search/analysis.py", 're.compile(r"[\\W_]+")', 're.compile(r"[\\W]+")', SEARCH_TESTS),
    Mutant("H01 step bodies left out", "handout", HANDOUT_TEMPLATE, "{{ step.body|blocks }}", "", HANDOUT_TESTS, built=True),
    Mutant("H02 step tips left out", "handout", HANDOUT_TEMPLATE, "{% for tip in step.tips %}", "{% for tip in [] %}", HANDOUT_TESTS, built=True),
    Mutant("H03 step notes left out", "handout", HANDOUT_TEMPLATE, "{% for note in step.notes %}", "{% for note in [] %}", HANDOUT_TESTS, built=True),
    Mutant("H04 prerequisites left out", "handout", HANDOUT_TEMPLATE, "{% for item in guide.prerequisites %}", "{% for item in [] %}", HANDOUT_TESTS, built=True),
    Mutant("H05 fact labels left out", "handout", HANDOUT_TEMPLATE, '<th scope="row">{{ fact.label|inline }}</th>', '<th scope="row"></th>', HANDOUT_TESTS, built=True),
    Mutant("H06 warning title left out", "handout", HANDOUT_TEMPLATE, "{{ warning.title|inline }}", "", HANDOUT_TESTS, built=True),
    Mutant("H07 warning body left out", "handout", HANDOUT_TEMPLATE, "{{ warning.body|blocks }}", "", HANDOUT_TESTS, built=True),
    Mutant("H08 sources left out", "handout", HANDOUT_TEMPLATE, "{% for source in guide.sources %}", "{% for source in [] %}", HANDOUT_TESTS, built=True),
    Mutant("H09 checklist details left out", "handout", HANDOUT_TEMPLATE, 'h-check__text">{{ item.text|inline }}{% if item.detail %}', 'h-check__text">{{ item.text|inline }}{% if false %}', HANDOUT_TESTS, built=True),
    Mutant("H10 steps in reverse", "handout", HANDOUT_TEMPLATE, "{% for step in guide.steps %}", "{% for step in guide.steps|reverse %}", HANDOUT_TESTS, built=True),
    Mutant("G01 source titles left out of the page", "page", "generator/page/templates/guide/sources.html.j2", "{{ source.title|inline_without_tel }}", "", PAGE_TESTS, built=True),
    Mutant("G02 kicker left out of the page", "page", "generator/page/templates/guide/header.html.j2", '<p class="gj-kicker">{{ guide.institution }} · {{ guide.channels|join(" · ") }}</p>', "", PAGE_TESTS, built=True),
    Mutant("G03 printed source addresses left out of the page", "page", "generator/page/templates/guide/sources.html.j2", '<span class="gj-sources__url">{{ source.url }}</span>', "", PAGE_TESTS, built=True),
)


def copy_project(dest: Path) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
    for name in ("generator", "tests", "content", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".cache"))
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def run_mutmut(group_name: str, modules: list[str], jobs: int) -> None:
    """mutmut's mutants of these modules of one group, from scratch, in the group's own copy."""
    group = GROUPS[group_name]
    project = copy_project(WORK / group_name)
    tests = [test for test in group.tests if (project / test).exists()]
    files = [group.modules[name] for name in modules]
    # Read by tests/support/mutation.py. Given as one "--option=value" word: pytest takes a separate
    # path word for a test folder and would import the tests (and the code) beside it, not mutmut's copy.
    own_tests = project / "mutant-tests.json"
    own = {
        group.modules[name].removesuffix(".py").replace("/", "."): [test for test in group.module_tests[name] if (project / test.partition("::")[0]).exists()]
        for name in modules
        if name in group.module_tests
    }
    own_tests.write_text(json.dumps(own, indent=1), encoding="utf-8")
    with (project / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(MUTMUT_CONFIG.format(files=json.dumps(files), tests=json.dumps(tests), own_tests=json.dumps(f"--mutant-tests={own_tests}")))
    log = WORK / f"{group_name}.log"
    command = ["nice", "-n", "10", str(MUTMUT), "run", "--max-children", str(jobs)]
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(command, cwd=project, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        sys.exit(f"mutmut stopped ({result.returncode}) on the {group_name} group; its output is in {log}")


def mutmut_verdicts(module: str) -> dict[str, int | None]:
    group = next(name for name, group in GROUPS.items() if module in group.modules)
    meta = WORK / group / "mutants" / (MODULES[module] + ".meta")
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"] if meta.exists() else {}


def mutmut_table(modules: list[str]) -> tuple[int, int]:
    print(f"{'module':<12} {'mutants':>8} {'killed':>7} {'timeout':>8} {'survived':>9} {'no test':>8} {'score':>7}")
    all_killed = all_counted = 0
    survivors: dict[str, list[str]] = {}
    for module in modules:
        verdicts = mutmut_verdicts(module)
        counts = Counter(KILLED.get(code, "survived" if code == 0 else "no tests" if code in (5, 33) else NOT_RUN.get(code, "suspicious")) for code in verdicts.values())
        counted = sum(n for verdict, n in counts.items() if verdict not in NOT_RUN.values())
        killed = counts["killed"] + counts["timeout"]
        all_killed, all_counted = all_killed + killed, all_counted + counted
        score = f"{100 * killed / counted:.1f}%" if counted else "-"
        print(f"{module:<12} {counted:>8} {counts['killed']:>7} {counts['timeout']:>8} {counts['survived']:>9} {counts['no tests']:>8} {score:>7}")
        survivors[module] = sorted(name for name, code in verdicts.items() if code == 0 or code in (5, 33) or code not in KILLED and code not in NOT_RUN)
    if all_counted:
        print(f"{'all':<12} {all_counted:>8} {'':>7} {'':>8} {'':>9} {'':>8} {100 * all_killed / all_counted:>6.1f}%")
    for module, names in survivors.items():
        if names:
            print(f"\nsurvivors in {module}:")
            for name in names:
                print(f"  {name}")
    return all_killed, all_counted


def pytest(project: Path, mutant: Mutant) -> int:
    tests = [test for test in mutant.tests if (project / test).exists()]
    plugin = [] if mutant.built else ["-p", "tests.support.mutation"]
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *plugin, "--hypothesis-seed=0", *tests]
    # PYTHONPATH: a site build the tests start in a folder of their own (the data-driven pages' copy
    # has no generator/) must import the mutated copy, not the package the virtualenv points at.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(project)}
    return subprocess.run(["nice", "-n", "10", *command], cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def run_review(modules: list[str]) -> tuple[int, int]:
    """Each review mutant in a copy of the project, against its tests; the copy is put back after each."""
    chosen = [mutant for mutant in REVIEW if mutant.module in modules or mutant.module == "page" and "handout" in modules]
    if not chosen:
        return 0, 0
    killed = 0
    with tempfile.TemporaryDirectory(prefix="giljabi-mutants-") as folder:
        project = copy_project(Path(folder) / "project")
        for first in {(mutant.tests, mutant.built): mutant for mutant in chosen}.values():
            if pytest(project, first) != 0:
                sys.exit(f"the tests fail without any mutant, fix them first: {' '.join(first.tests)}")
        print(f"\n{'review mutant':<52} {'verdict':>9} {'seconds':>8}")
        for mutant in chosen:
            target = project / mutant.path
            original = target.read_text(encoding="utf-8")
            if original.count(mutant.old) != 1:
                print(f"{mutant.name:<52} {'stale':>9}  (the code no longer has {mutant.old!r} once)")
                continue
            target.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
            start = time.monotonic()
            try:
                code = pytest(project, mutant)
            finally:
                target.write_text(original, encoding="utf-8")
            verdict = "killed" if code == 1 else "survived" if code == 0 else f"error {code}"
            killed += verdict == "killed"
            print(f"{mutant.name:<52} {verdict:>9} {time.monotonic() - start:>8.1f}")
    print(f"review mutants killed: {killed} / {len(chosen)}")
    return killed, len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="module", help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="test processes at a time (default: one per core)")
    parser.add_argument("--review-only", action="store_true", help="only the review's hand-made mutants")
    args = parser.parse_args()
    unknown = [name for name in args.modules if name not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    modules = args.modules or list(MODULES)
    start, start_cpu = time.monotonic(), children_cpu()
    timings = []
    if not args.review_only:
        for name, group in GROUPS.items():
            chosen = [module for module in modules if module in group.modules]
            if chosen:
                began, began_cpu = time.monotonic(), children_cpu()
                run_mutmut(name, chosen, args.jobs)
                tried = sum(code is not None for module in chosen for code in mutmut_verdicts(module).values())
                timings.append((name, tried, time.monotonic() - began, children_cpu() - began_cpu, load_average()))
        mutmut_table(modules)
    began, began_cpu = time.monotonic(), children_cpu()
    _killed, tried = run_review(modules)
    timings.append(("review", tried, time.monotonic() - began, children_cpu() - began_cpu, load_average()))
    # CPU seconds hardly depend on what else runs: on a quiet machine the wall time is about the
    # CPU time over the jobs (each group also has a first run of its tests on one core).
    print(f"\n{'':<8} {'mutants':>7} {'wall s':>7} {'CPU s':>7} {'CPU s each':>10} {'mutants/s':>9}  load average at the end")
    for name, tried, seconds, cpu, load in timings:
        if tried:
            print(f"{name:<8} {tried:>7} {seconds:>7.0f} {cpu:>7.0f} {cpu / tried:>10.2f} {tried / seconds:>9.2f}  {load}")
    print(
        f"{time.monotonic() - start:.0f} s in all ({children_cpu() - start_cpu:.0f} CPU s), --jobs {args.jobs} on {os.cpu_count()} cores"
        f" (load average {load_average()})"
    )


def children_cpu() -> float:
    """CPU seconds of every finished child process so far (mutmut, its forks, the review's pytest runs)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def load_average() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
