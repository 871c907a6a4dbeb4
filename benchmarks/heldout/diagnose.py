"""Held-out money scored on the amount alone: which misses are a wrong stage, which are not found."""

from __future__ import annotations

import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from kg.config import DATA_DIR
from kg.eval import extract_document, load_gold
from kg.reference import load_reference

CENT = Decimal("0.01")


def main(gold_dir: Path, docs: list[Path]) -> None:
    """Print per document the amounts not found, and the stage confusion of those found."""
    reference = load_reference(DATA_DIR / "reference")
    confusion: Counter[tuple[str, str]] = Counter()
    totals = Counter()
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = load_gold(gold_path)
        source = next(d / gold["source"] for d in docs if (d / gold["source"]).is_file())
        facts = extract_document(source, reference)
        found = [m for m in facts.money if not m.derived]
        pool = Counter(m.amount.quantize(CENT) for m in found)
        stages: dict[Decimal, list[str]] = {}
        for m in found:
            stages.setdefault(m.amount.quantize(CENT), []).append(m.stage)
        missing = []
        for e in gold.get("money") or []:
            amount = Decimal(str(e["amount"])).quantize(CENT)
            totals["gold"] += 1
            if pool[amount] > 0:
                pool[amount] -= 1
                got = stages[amount].pop(0)
                totals["amount found"] += 1
                confusion[(str(e["stage"]), got)] += 1
                if got == e["stage"]:
                    totals["amount and stage"] += 1
            else:
                missing.append(f"{amount} «{e.get('quote')}»")
        extra = sum(pool.values())
        totals["extra"] += extra
        print(
            f"{gold_path.stem}: gold {len(gold.get('money') or [])}, found {len(found)}, "
            f"amount not found {len(missing)}, amounts not in gold {extra}"
        )
        for line in missing:
            print("   not found:", line)
    print("\ntotals:", dict(totals))
    print("stage confusion (gold -> extracted):")
    for (g, f), n in sorted(confusion.items()):
        print(f"  {g:10s} -> {f:10s} {n}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]), [Path(a) for a in args[1:]])
