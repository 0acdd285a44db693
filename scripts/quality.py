#!/usr/bin/env python3
"""Measures reviewbot's built-in rules against public corpora nobody here wrote, and prints one table.

usage: scripts/quality.py [--reviewbot BIN] [--corpora DIR] [--eval DIR] [--only NAME[,NAME]]

Corpora (clone each outside the checkout; see ../shared/eval/README.md):
  DIR/semgrep-rules     semgrep/semgrep-rules      line-level, python/javascript/typescript/java/go, security
  DIR/bandit            PyCQA/bandit               count-level Python security (recall)
  DIR/BenchmarkPython   OWASP-Benchmark/BenchmarkPython   file-level (Youden = TPR - FPR)
  DIR/axe-core          dequelabs/axe-core         line-level HTML accessibility, scored rule by rule through
                                                   scripts/axe-rule-map.json (and by category, for reference)
A missing corpus is cloned from https://github.com/OWNER/NAME when possible, else skipped with a note.
The scoring scripts (corpus_eval.py, review_files.py) come from the eval folder (default ../shared/eval).
"""
import argparse, datetime, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

CORPORA = [
    # name, folder, repository, corpus-type, extra args, category row, targets
    ("semgrep-rules py/js/ts/java/go", "semgrep-rules", "semgrep/semgrep-rules", "semgrep-rules",
     ["--langs", "python,javascript,typescript,java,go"], "security", "P ≥ 0.90, R ≥ 0.60"),
    ("bandit examples", "bandit", "PyCQA/bandit", "bandit-examples", [], "security", "R ≥ 0.80"),
    ("OWASP BenchmarkPython", "BenchmarkPython", "OWASP-Benchmark/BenchmarkPython", "owasp-benchmark", [],
     "security", "Youden ≥ 0.30"),
    ("axe-core fixtures, matched rule by rule", "axe-core", "dequelabs/axe-core", "axe-fixtures", ["--match-rule"],
     "accessibility", "P ≥ 0.90, R ≥ 0.50"),
]
# The axe-core fixtures are also scored by category alone, for reference: a fixture written for one axe rule often
# breaks another on purpose (an unlabelled checkbox among the passing cases of aria-allowed-attr), so a correct
# finding of another rule counts against precision there; axe-core itself scores 0.408 that way.
AXE_BY_CATEGORY = ("axe-core fixtures, matched by category only", "reference, no target")
AXE_RULE_MAP = os.path.join(HERE, "axe-rule-map.json")


def axe_rule_map(corpus):
    """scripts/axe-rule-map.json plus every other axe rule of the fixtures, mapped to nothing, so that the
    violations reviewbot does not check still count as misses."""
    mapping = {k: v for k, v in json.load(open(AXE_RULE_MAP)).items() if not k.startswith("_")}
    base = os.path.join(corpus, "test", "integration", "rules")
    for folder in sorted(os.listdir(base)):
        for name in os.listdir(os.path.join(base, folder)) if os.path.isdir(os.path.join(base, folder)) else []:
            if name.endswith(".json"):
                rule = json.load(open(os.path.join(base, folder, name), encoding="utf-8")).get("rule", folder)
                mapping.setdefault(rule, [])
    out = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    json.dump(mapping, out)
    out.close()
    return out.name


def score(corpus_eval, path, kind, extra, cmd_or_findings):
    """Runs corpus_eval.py on one corpus; returns (scores by category, stderr) or (None, error)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        json_out = out.name
    p = subprocess.run(["python3", corpus_eval, "eval", "--corpus-type", kind, "--corpus", ".", "--adapter",
                        "generic", "-N", "2", "--json-out", json_out] + cmd_or_findings + extra,
                       cwd=path, capture_output=True, text=True)
    if p.returncode != 0:
        return None, "eval failed: " + p.stderr.strip()[-200:]
    doc = json.load(open(json_out))
    os.unlink(json_out)
    return doc["by_category"], ""


def row_of(by_category, category, kind):
    row = by_category.get(category) or by_category["OVERALL"]
    youden = row["R"] - row["FPR_lab"] if kind == "owasp-benchmark" else None
    return row.get("P_lab"), row.get("R"), row.get("F1_lab"), youden


def fmt(value):
    return "" if value is None or value != value else f"{value:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reviewbot", default=os.path.join(ROOT, ".build/release/reviewbot"))
    ap.add_argument("--corpora", default=os.environ.get("CORPORA", "/work/corpora"))
    ap.add_argument("--eval", default=os.path.normpath(os.path.join(ROOT, "../shared/eval")))
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    a.reviewbot = os.path.abspath(a.reviewbot)
    if not os.access(a.reviewbot, os.X_OK):
        print(f"building {a.reviewbot}", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "reviewbot"], cwd=ROOT, check=True)
    corpus_eval = os.path.join(a.eval, "corpus_eval.py")
    review_files = os.path.join(a.eval, "review_files.py")
    rows = []
    for name, folder, repo, kind, extra, category, target in CORPORA:
        if a.only and folder not in a.only.split(","):
            continue
        path = os.path.join(a.corpora, folder)
        if not os.path.isdir(path):
            clone = subprocess.run(["git", "clone", "-q", "--depth", "1", f"https://github.com/{repo}", path],
                                   capture_output=True, text=True)
            if clone.returncode != 0:
                rows.append((name, None, None, None, None, target, f"missing: clone {repo} into {path}"))
                continue
        cmd = f"python3 {review_files} {a.reviewbot} --args '--fail-on never' @{{targets_file}}"
        findings = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
        rule_map = axe_rule_map(path) if kind == "axe-fixtures" else None
        if rule_map:
            extra = extra + ["--rule-map", rule_map]
        by_category, error = score(corpus_eval, path, kind, extra, ["--cmd", cmd, "--save-findings", findings])
        if rule_map:
            os.unlink(rule_map)
        if by_category is None:
            rows.append((name, None, None, None, None, target, error))
            continue
        rows.append((name, *row_of(by_category, category, kind), target, ""))
        if kind == "axe-fixtures":
            by_category, error = score(corpus_eval, path, kind, [], ["--findings", findings])
            if by_category is not None:
                rows.append((AXE_BY_CATEGORY[0], *row_of(by_category, category, kind), AXE_BY_CATEGORY[1], ""))
        os.unlink(findings)
    print(f"reviewbot quality, {datetime.date.today().isoformat()}, ±2 lines\n")
    print("| corpus | precision (labelled) | recall | F1 | Youden | target |")
    print("|---|---|---|---|---|---|")
    for name, precision, recall, f1, youden, target, note in rows:
        print(f"| {name} | {fmt(precision)} | {fmt(recall)} | {fmt(f1)} | {fmt(youden)} | {target}{' — ' + note if note else ''} |")


if __name__ == "__main__":
    main()
