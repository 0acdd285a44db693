#!/usr/bin/env python3
"""Measures reviewbot's built-in rules against public corpora nobody here wrote, and prints one table.

usage: scripts/quality.py [--reviewbot BIN] [--corpora DIR] [--eval DIR] [--only NAME[,NAME]]

Corpora (clone each outside the checkout; see ../shared/eval/README.md):
  DIR/semgrep-rules     semgrep/semgrep-rules      line-level, python/javascript/typescript/java/go, security
  DIR/bandit            PyCQA/bandit               count-level Python security (recall)
  DIR/BenchmarkPython   OWASP-Benchmark/BenchmarkPython   file-level (Youden = TPR - FPR)
  DIR/axe-core          dequelabs/axe-core         line-level HTML accessibility
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
    ("axe-core fixtures", "axe-core", "dequelabs/axe-core", "axe-fixtures", [], "accessibility",
     "P ≥ 0.90, R ≥ 0.50"),
]


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
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
            json_out = out.name
        cmd = f"python3 {review_files} {a.reviewbot} --args '--fail-on never' @{{targets_file}}"
        p = subprocess.run(["python3", corpus_eval, "eval", "--corpus-type", kind, "--corpus", ".", "--adapter",
                            "generic", "-N", "2", "--json-out", json_out, "--cmd", cmd] + extra,
                           cwd=path, capture_output=True, text=True)
        if p.returncode != 0:
            rows.append((name, None, None, None, None, target, "eval failed: " + p.stderr.strip()[-200:]))
            continue
        doc = json.load(open(json_out))
        os.unlink(json_out)
        row = doc["by_category"].get(category) or doc["by_category"]["OVERALL"]
        youden = row["R"] - row["FPR_lab"] if kind == "owasp-benchmark" else None
        rows.append((name, row.get("P_lab"), row.get("R"), row.get("F1_lab"), youden, target, ""))
    print(f"reviewbot quality, {datetime.date.today().isoformat()}, ±2 lines\n")
    print("| corpus | precision (labelled) | recall | F1 | Youden | target |")
    print("|---|---|---|---|---|---|")
    for name, precision, recall, f1, youden, target, note in rows:
        print(f"| {name} | {fmt(precision)} | {fmt(recall)} | {fmt(f1)} | {fmt(youden)} | {target}{' — ' + note if note else ''} |")


if __name__ == "__main__":
    main()
