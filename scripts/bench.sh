#!/usr/bin/env bash
# Benchmarks reviewbot against its performance targets and prints the numbers (it asserts nothing):
#   1. `reviewbot review 600.0.1..603.0.1` on swift-syntax takes at most 3× `git diff 600.0.1 603.0.1`;
#   2. the pre-commit hook on a 10-file staged change has a median under 50 ms;
#   3. the slowest inputs known each review in under 1 s (scripts/bench-slow-inputs.sh prints the table).
#
# Environment:
#   BUILD_DIR     scratch path of the release build (default .build)
#   SWIFT_SYNTAX  swift-syntax clone to review (default /work/corpora/swift-syntax; cloned when missing)
#   RUNS          repetitions of the range review and of git diff (default 5)
#   HOOK_RUNS     repetitions of the pre-commit hook (default 30)
#   SKIP_SLOW=1   leave out the slowest-inputs table (scripts/bench-slow-inputs.sh)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build_dir="${BUILD_DIR:-.build}"
corpus="${SWIFT_SYNTAX:-/work/corpora/swift-syntax}"
runs="${RUNS:-5}"
hook_runs="${HOOK_RUNS:-30}"
base_rev="600.0.1"
head_rev="603.0.1"

# --- helpers -------------------------------------------------------------------------------------

# Microseconds since the epoch, without forking (bash 5), or from date(1).
now_us() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local t="${EPOCHREALTIME/[.,]/}"
        echo "$t"
    else
        echo $(($(date +%s%N) / 1000))
    fi
}

# median FILE: the median of the numbers in FILE, one per line.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# percentile P FILE: nearest-rank percentile.
percentile() {
    sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; print v[r] }'
}

# time_once OUTFILE CMD...: runs CMD once and appends its elapsed milliseconds to OUTFILE. The exit
# status of CMD is ignored (a review that finds problems exits non-zero).
time_once() {
    local out="$1" start end
    shift
    start=$(now_us)
    "$@" >/dev/null 2>&1 || true
    end=$(now_us)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", (b - a) / 1000 }' >>"$out"
}

# time_runs N OUTFILE CMD...: runs CMD N times after one warm-up run.
time_runs() {
    local n="$1" out="$2" i
    shift 2
    : >"$out"
    "$@" >/dev/null 2>&1 || true
    for ((i = 0; i < n; i++)); do time_once "$out" "$@"; done
}

json_field() { # json_field FILE EXPRESSION(jq) PYTHON-EXPRESSION
    if [ ! -s "$1" ]; then
        echo "?"
    elif command -v jq >/dev/null 2>&1; then
        jq -r "$2" "$1" 2>/dev/null || echo "?"
    elif command -v python3 >/dev/null 2>&1; then
        python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($3)" "$1" 2>/dev/null || echo "?"
    else
        echo "?"
    fi
}

verdict_of() { awk -v v="$1" -v limit="$2" -v cmp="$3" 'BEGIN { if ((cmp == "le" && v <= limit) || (cmp == "lt" && v < limit)) print "MET"; else print "MISSED" }'; }

# --- build ---------------------------------------------------------------------------------------

echo "== building release binary (scratch path $build_dir)"
build_log="$(mktemp "${TMPDIR:-/tmp}/reviewbot-bench-build.XXXXXX")"
if ! swift build -c release --product reviewbot --scratch-path "$build_dir" >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    echo "bench: the release build failed" >&2
    exit 1
fi
tail -n 1 "$build_log"
rm -f "$build_log"
binary="$(swift build -c release --scratch-path "$build_dir" --show-bin-path)/reviewbot"
[ -x "$binary" ] || { echo "bench: no binary at $binary" >&2; exit 1; }
echo "binary: $binary"

# --- corpus --------------------------------------------------------------------------------------

case "$(cd "$(dirname "$corpus")" 2>/dev/null && pwd)/$(basename "$corpus")/" in
"$root"/*)
    echo "bench: SWIFT_SYNTAX ($corpus) is inside the repository; put the clone elsewhere" >&2
    exit 1
    ;;
esac
if [ ! -d "$corpus/.git" ]; then
    echo "== cloning swift-syntax into $corpus"
    mkdir -p "$(dirname "$corpus")"
    git clone --quiet https://github.com/swiftlang/swift-syntax "$corpus"
fi
for rev in "$base_rev" "$head_rev"; do
    git -C "$corpus" rev-parse --verify --quiet "$rev^{commit}" >/dev/null \
        || git -C "$corpus" fetch --quiet --tags origin
done

work="$(mktemp -d "${TMPDIR:-/tmp}/reviewbot-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Timings depend on what else the machine is doing: say how busy it was.
[ -r /proc/loadavg ] && echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc 2>/dev/null || echo '?') cores)"

# --- 1. range review vs git diff -----------------------------------------------------------------

echo
echo "== range review: swift-syntax $base_rev..$head_rev ($runs runs each, alternating, median; one warm-up run each first)"
(
    cd "$corpus"
    : >"$work/diff.ms"
    : >"$work/review.ms"
    git diff "$base_rev" "$head_rev" >/dev/null 2>&1 || true
    "$binary" review "$base_rev..$head_rev" --format json --fail-on never >/dev/null 2>&1 || true
    # Alternating the two keeps a change in the machine's load from favouring one of them.
    for ((i = 0; i < runs; i++)); do
        time_once "$work/diff.ms" git diff "$base_rev" "$head_rev"
        time_once "$work/review.ms" "$binary" review "$base_rev..$head_rev" --format json --fail-on never
    done
)
(cd "$corpus" && "$binary" review "$base_rev..$head_rev" --format json --fail-on never --output "$work/review.json" \
    --verbose 2>"$work/verbose.txt") || true
diff_ms="$(median "$work/diff.ms")"
review_ms="$(median "$work/review.ms")"
ratio="$(awk -v r="$review_ms" -v d="$diff_ms" 'BEGIN { printf "%.2f", r / d }')"
printf 'git diff          median %9.1f ms   (runs: %s)\n' "$diff_ms" "$(paste -sd' ' "$work/diff.ms")"
printf 'reviewbot review  median %9.1f ms   (runs: %s)\n' "$review_ms" "$(paste -sd' ' "$work/review.ms")"
printf 'ratio review / git diff: %sx\n' "$ratio"
if [ -x /usr/bin/time ]; then
    rss_kb="$(cd "$corpus" && /usr/bin/time -f %M -o "$work/rss.txt" "$binary" review "$base_rev..$head_rev" \
        --format json --fail-on never >/dev/null 2>&1; tail -n 1 "$work/rss.txt")"
    printf 'review peak RSS: %s KB (%.1f MB)\n' "$rss_kb" "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')"
else
    echo "review peak RSS: skipped (/usr/bin/time not available)"
fi
files="$(json_field "$work/review.json" '.stats.files' 'd["stats"]["files"]')"
added="$(json_field "$work/review.json" '.stats.addedLines' 'd["stats"]["addedLines"]')"
skipped="$(json_field "$work/review.json" '.stats.skipped' 'd["stats"]["skipped"]')"
findings="$(json_field "$work/review.json" '.findings | length' 'len(d["findings"])')"
echo "review: $files files, $added added lines, $skipped skipped, $findings findings"
echo "stages (--verbose):"
sed 's/^/  /' "$work/verbose.txt"

# --- 2. pre-commit hook on a staged 10-file change -----------------------------------------------

scratch="$work/scratch"
mkdir -p "$scratch"
cd "$scratch"
git init --quiet .
git config user.name bench
git config user.email bench@example.invalid
git config commit.gpgsign false
mkdir -p src/api src/web app cmd scripts lib

cat >README.md <<'EOF'
# inventory

A small inventory service with a web front end, a CLI and a few maintenance scripts.
EOF

cat >src/api/users.py <<'EOF'
"""User storage for the inventory service."""
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger(__name__)


@dataclass
class User:
    id: int
    name: str
    email: str
    active: bool = True


class UserStore:
    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path)
        self.connection.row_factory = sqlite3.Row

    def find(self, user_id: int) -> Optional[User]:
        row = self.connection.execute(
            "SELECT id, name, email, active FROM users WHERE id = ?", (user_id,)
        ).fetchone()
        if row is None:
            return None
        return User(row["id"], row["name"], row["email"], bool(row["active"]))

    def deactivate(self, user_id: int) -> None:
        with self.connection:
            self.connection.execute("UPDATE users SET active = 0 WHERE id = ?", (user_id,))
        log.info("deactivated user %s", user_id)
EOF

cat >src/web/cart.ts <<'EOF'
export interface Item {
  sku: string;
  name: string;
  price: number;
  quantity: number;
}

export class Cart {
  private items: Map<string, Item> = new Map();

  add(item: Item): void {
    const existing = this.items.get(item.sku);
    if (existing) {
      existing.quantity += item.quantity;
    } else {
      this.items.set(item.sku, { ...item });
    }
  }

  remove(sku: string): boolean {
    return this.items.delete(sku);
  }

  total(): number {
    let sum = 0;
    for (const item of this.items.values()) {
      sum += item.price * item.quantity;
    }
    return Math.round(sum * 100) / 100;
  }
}
EOF

cat >cmd/main.go <<'EOF'
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	path := flag.String("db", "inventory.db", "database file")
	verbose := flag.Bool("v", false, "verbose output")
	flag.Parse()

	store, err := Open(*path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "inventory: %v\n", err)
		os.Exit(1)
	}
	defer store.Close()

	if *verbose {
		fmt.Printf("opened %s\n", *path)
	}
	for _, name := range flag.Args() {
		item, err := store.Lookup(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "inventory: %s: %v\n", name, err)
			continue
		}
		fmt.Printf("%-20s %6d\n", item.Name, item.Count)
	}
}
EOF

cat >app/Inventory.swift <<'EOF'
import Foundation

struct StockItem: Codable, Hashable {
    let sku: String
    var name: String
    var count: Int
}

final class Inventory {
    private var items: [String: StockItem] = [:]

    func add(_ item: StockItem) {
        items[item.sku, default: item].count += item.count
    }

    func count(of sku: String) -> Int {
        items[sku]?.count ?? 0
    }

    func lowStock(threshold: Int) -> [StockItem] {
        items.values.filter { $0.count < threshold }.sorted { $0.sku < $1.sku }
    }
}
EOF
git add -A
git commit --quiet -m "inventory: first version"

# The staged change: 4 modified files and 6 new ones.
cat >>src/api/users.py <<'EOF'

    def search(self, term: str, limit: int = 50) -> list[User]:
        pattern = f"%{term.strip()}%"
        rows = self.connection.execute(
            "SELECT id, name, email, active FROM users WHERE name LIKE ? OR email LIKE ? LIMIT ?",
            (pattern, pattern, limit),
        ).fetchall()
        return [User(r["id"], r["name"], r["email"], bool(r["active"])) for r in rows]

    def rename(self, user_id: int, name: str) -> bool:
        name = name.strip()
        if not name or len(name) > 120:
            raise ValueError("a name has 1 to 120 characters")
        with self.connection:
            cursor = self.connection.execute("UPDATE users SET name = ? WHERE id = ?", (name, user_id))
        return cursor.rowcount == 1

    def export(self, out) -> int:
        written = 0
        for row in self.connection.execute("SELECT id, name, email FROM users ORDER BY id"):
            out.write(f"{row['id']},{row['name']},{row['email']}\n")
            written += 1
        log.debug("exported %d users", written)
        return written
EOF

cat >>src/web/cart.ts <<'EOF'

export function formatPrice(value: number, currency = "EUR"): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(value);
}

export function applyDiscount(cart: Cart, percent: number): number {
  if (percent < 0 || percent > 100) {
    throw new RangeError(`discount out of range: ${percent}`);
  }
  const total = cart.total();
  return Math.round(total * (100 - percent)) / 100;
}

export async function checkout(cart: Cart, endpoint: string): Promise<string> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ total: cart.total() }),
  });
  if (!response.ok) {
    throw new Error(`checkout failed with status ${response.status}`);
  }
  const body = await response.json();
  return body.orderId as string;
}
EOF

cat >>cmd/main.go <<'EOF'

type Item struct {
	Name  string
	Count int
}

type Store struct {
	items map[string]Item
}

func Open(path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("empty database path")
	}
	return &Store{items: map[string]Item{}}, nil
}

func (s *Store) Close() error { return nil }

func (s *Store) Lookup(name string) (Item, error) {
	item, ok := s.items[name]
	if !ok {
		return Item{}, fmt.Errorf("no item named %q", name)
	}
	return item, nil
}

func (s *Store) Restock(name string, count int) {
	item := s.items[name]
	item.Name = name
	item.Count += count
	s.items[name] = item
}
EOF

cat >>app/Inventory.swift <<'EOF'

extension Inventory {
    /// Removes `count` units of `sku`, refusing to go below zero.
    func take(_ count: Int, of sku: String) throws -> Int {
        guard count > 0 else { throw InventoryError.invalidCount(count) }
        let available = self.count(of: sku)
        guard available >= count else { throw InventoryError.insufficient(sku: sku, available: available) }
        return available - count
    }

    func report() -> String {
        var lines: [String] = []
        for item in lowStock(threshold: 5) {
            lines.append("\(item.sku): \(item.name) has \(item.count) left")
        }
        return lines.joined(separator: "\n")
    }
}

enum InventoryError: Error, Equatable {
    case invalidCount(Int)
    case insufficient(sku: String, available: Int)
}
EOF

cat >src/api/orders.py <<'EOF'
"""Order handling: validation, pricing and persistence."""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal

log = logging.getLogger(__name__)

TAX_RATE = Decimal("0.20")


@dataclass
class Line:
    sku: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass
class Order:
    customer_id: int
    lines: list[Line] = field(default_factory=list)
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def add(self, sku: str, quantity: int, unit_price: Decimal) -> None:
        if quantity <= 0:
            raise ValueError(f"quantity must be positive, got {quantity}")
        self.lines.append(Line(sku, quantity, unit_price))

    def subtotal(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0"))

    def tax(self) -> Decimal:
        return (self.subtotal() * TAX_RATE).quantize(Decimal("0.01"))

    def total(self) -> Decimal:
        return self.subtotal() + self.tax()

    def to_json(self) -> str:
        return json.dumps(
            {
                "customer": self.customer_id,
                "created": self.created.isoformat(),
                "lines": [
                    {"sku": line.sku, "quantity": line.quantity, "price": str(line.unit_price)}
                    for line in self.lines
                ],
                "total": str(self.total()),
            }
        )


def save(connection, order: Order) -> int:
    with connection:
        cursor = connection.execute(
            "INSERT INTO orders (customer_id, created, body) VALUES (?, ?, ?)",
            (order.customer_id, order.created.isoformat(), order.to_json()),
        )
    log.info("saved order %s for customer %s", cursor.lastrowid, order.customer_id)
    return cursor.lastrowid
EOF

cat >src/web/ProductList.tsx <<'EOF'
import React, { useEffect, useMemo, useState } from "react";
import { Cart, Item, formatPrice } from "./cart";

interface Props {
  endpoint: string;
  cart: Cart;
}

export function ProductList({ endpoint, cart }: Props) {
  const [products, setProducts] = useState<Item[]>([]);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch(`${endpoint}/products`)
      .then((response) => response.json())
      .then((items: Item[]) => {
        if (!cancelled) setProducts(items);
      })
      .catch((reason) => setError(String(reason)));
    return () => {
      cancelled = true;
    };
  }, [endpoint]);

  const visible = useMemo(
    () => products.filter((p) => p.name.toLowerCase().includes(query.toLowerCase())),
    [products, query],
  );

  if (error) {
    return <p role="alert">Could not load products: {error}</p>;
  }

  return (
    <section aria-labelledby="products-title">
      <h2 id="products-title">Products</h2>
      <label htmlFor="product-search">Search</label>
      <input id="product-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul>
        {visible.map((product) => (
          <li key={product.sku}>
            <span>{product.name}</span>
            <span>{formatPrice(product.price)}</span>
            <button type="button" onClick={() => cart.add({ ...product, quantity: 1 })}>
              Add to cart
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
EOF

cat >lib/InventoryReport.java <<'EOF'
package inventory;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

public final class InventoryReport {
    public record Row(String sku, String name, int count) {
        public Row {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(name, "name");
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final int threshold;

    public InventoryReport(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        this.threshold = threshold;
    }

    public void add(String sku, String name, int count) {
        rows.add(new Row(sku, name, count));
    }

    public List<Row> lowStock() {
        List<Row> low = new ArrayList<>();
        for (Row row : rows) {
            if (row.count() < threshold) {
                low.add(row);
            }
        }
        low.sort(Comparator.comparing(Row::sku));
        return low;
    }

    public void writeCsv(Writer out) throws IOException {
        out.write("sku,name,count\n");
        for (Row row : lowStock()) {
            out.write(row.sku());
            out.write(',');
            out.write(row.name().replace(",", " "));
            out.write(',');
            out.write(Integer.toString(row.count()));
            out.write('\n');
        }
        out.flush();
    }
}
EOF

cat >scripts/backup.sh <<'EOF'
#!/usr/bin/env bash
# Copies the inventory database to the backup folder and keeps the last seven copies.
set -euo pipefail

database="${1:-inventory.db}"
target="${BACKUP_DIR:-/var/backups/inventory}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

if [ ! -f "$database" ]; then
    echo "backup: no database at $database" >&2
    exit 1
fi

mkdir -p "$target"
sqlite3 "$database" ".backup '$target/inventory-$stamp.db'"
gzip -9 "$target/inventory-$stamp.db"

count=0
for file in $(ls -1t "$target"/inventory-*.db.gz); do
    count=$((count + 1))
    if [ "$count" -gt 7 ]; then
        rm -f -- "$file"
    fi
done

echo "backup: wrote $target/inventory-$stamp.db.gz"
EOF

cat >app/StockViewModel.swift <<'EOF'
import Foundation

@MainActor
final class StockViewModel: ObservableObject {
    @Published private(set) var rows: [Row] = []
    @Published var filter = ""
    @Published private(set) var isLoading = false

    struct Row: Identifiable, Equatable {
        let id: String
        let title: String
        let subtitle: String
        let isLow: Bool
    }

    private let inventory: Inventory
    private let threshold: Int

    init(inventory: Inventory, threshold: Int = 5) {
        self.inventory = inventory
        self.threshold = threshold
    }

    func reload() {
        isLoading = true
        defer { isLoading = false }
        let low = Set(inventory.lowStock(threshold: threshold).map(\.sku))
        rows = inventory.lowStock(threshold: .max)
            .filter { filter.isEmpty || $0.name.localizedCaseInsensitiveContains(filter) }
            .map { item in
                Row(
                    id: item.sku,
                    title: item.name,
                    subtitle: "\(item.count) in stock",
                    isLow: low.contains(item.sku))
            }
    }

    func take(_ count: Int, of sku: String) -> String? {
        do {
            _ = try inventory.take(count, of: sku)
            reload()
            return nil
        } catch InventoryError.insufficient(let sku, let available) {
            return "Only \(available) of \(sku) left."
        } catch {
            return "Could not update the stock: \(error)"
        }
    }
}
EOF

cat >src/web/index.html <<'EOF'
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Inventory</title>
    <link rel="stylesheet" href="/static/app.css" />
  </head>
  <body>
    <header>
      <a class="skip-link" href="#main">Skip to content</a>
      <nav aria-label="Main">
        <ul>
          <li><a href="/">Home</a></li>
          <li><a href="/products">Products</a></li>
          <li><a href="/orders">Orders</a></li>
        </ul>
      </nav>
    </header>
    <main id="main">
      <h1>Inventory</h1>
      <img src="/static/logo.svg" alt="Inventory logo" width="64" height="64" />
      <form action="/search" method="get" role="search">
        <label for="q">Search products</label>
        <input id="q" name="q" type="search" autocomplete="off" />
        <button type="submit">Search</button>
      </form>
      <div id="products"></div>
    </main>
    <footer>
      <p>&copy; Inventory team</p>
    </footer>
    <script type="module" src="/static/app.js"></script>
  </body>
</html>
EOF
git add -A
staged_files="$(git diff --cached --name-only | wc -l | tr -d ' ')"
staged_added="$(git diff --cached --numstat | awk '{ s += $1 } END { print s }')"

echo
echo "== pre-commit hook: REVIEWBOT=<binary> hooks/pre-commit in a scratch repository"
echo "staged change: $staged_files files, $staged_added added lines ($hook_runs runs, one warm-up run first)"
REVIEWBOT="$binary" "$root/hooks/pre-commit" >"$work/hook.out" 2>&1 && hook_status=0 || hook_status=$?
export REVIEWBOT="$binary"
time_runs "$hook_runs" "$work/hook.ms" "$root/hooks/pre-commit"
unset REVIEWBOT
hook_median="$(median "$work/hook.ms")"
hook_p90="$(percentile 90 "$work/hook.ms")"
hook_min="$(sort -n "$work/hook.ms" | head -n 1)"
printf 'hook median %.1f ms, p90 %.1f ms, min %.1f ms (exit status %s: %s)\n' \
    "$hook_median" "$hook_p90" "$hook_min" "$hook_status" "$(tail -n 1 "$work/hook.out")"
"$binary" review --staged --format json --fail-on never --output "$work/hook.json" || true
echo "hook review: $(json_field "$work/hook.json" '.stats.files' 'd["stats"]["files"]') files," \
    "$(json_field "$work/hook.json" '.stats.addedLines' 'd["stats"]["addedLines"]') added lines," \
    "$(json_field "$work/hook.json" '.findings | length' 'len(d["findings"])') findings"

# --- targets -------------------------------------------------------------------------------------

[ -r /proc/loadavg ] && echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== targets"
printf 'review <= 3x git diff:  %sx   %s\n' "$ratio" "$(verdict_of "$ratio" 3 le)"
printf 'hook median < 50 ms:    %.1f ms   %s\n' "$hook_median" "$(verdict_of "$hook_median" 50 lt)"

# --- 3. the slowest inputs known -----------------------------------------------------------------

# issue 11's slow inputs, catastrophic custom patterns, LLM faults, then the slowest of Fixtures/bad-inputs/*/
# (scripts/bad-inputs-bench.sh); SKIP_SLOW=1 skips both.
if [ "${SKIP_SLOW:-0}" != 1 ]; then
    "$root/scripts/bench-slow-inputs.sh" "$binary"
    echo
    "$root/scripts/bad-inputs-bench.sh" "$binary" || echo "bad-inputs-bench failed"
fi
